package dev.hardenedboot.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Executors whose queue has no bound: when their work stalls (a slow dependency), tasks pile
 * up in the heap until the process dies, instead of being refused where it shows. Boot's own
 * {@code applicationTaskExecutor} queues without bound unless told otherwise.
 */
class ExecutorQueueCheck implements HardeningCheck {

	private final ListableBeanFactory beans;

	ExecutorQueueCheck(ListableBeanFactory beans) {
		this.beans = beans;
	}

	@Override
	public List<HardeningFinding> check() {
		List<HardeningFinding> findings = new ArrayList<>();
		Map<String, ThreadPoolTaskExecutor> executors = this.beans.getBeansOfType(ThreadPoolTaskExecutor.class, false,
				false);
		executors.forEach((name, executor) -> {
			int capacity = executor.getQueueCapacity();
			if (capacity == Integer.MAX_VALUE) {
				String fix = name.equals("applicationTaskExecutor")
						? "Set spring.task.execution.pool.queue-capacity (and max-size) to a bound the service can absorb."
						: "Call setQueueCapacity on bean '" + name + "' with a bound the service can absorb.";
				findings.add(HardeningFinding.warn("core", "executors.bounded-queue",
						"Executor '" + name + "' queues tasks without bound: when its work stalls, tasks pile up "
								+ "in the heap.",
						fix));
			}
			else {
				findings.add(HardeningFinding.pass("core", "executors.bounded-queue",
						"Executor '" + name + "' queues at most " + capacity + " tasks."));
			}
		});
		return findings;
	}

}
