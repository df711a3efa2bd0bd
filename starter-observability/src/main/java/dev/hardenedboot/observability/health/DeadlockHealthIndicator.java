package dev.hardenedboot.observability.health;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * DOWN while threads of this JVM are deadlocked, on monitors or on {@code java.util.concurrent}
 * locks: they will never run again, and only a restart frees what they hold.
 */
public class DeadlockHealthIndicator implements HealthIndicator {

	private final ThreadMXBean threads;

	public DeadlockHealthIndicator() {
		this(ManagementFactory.getThreadMXBean());
	}

	DeadlockHealthIndicator(ThreadMXBean threads) {
		this.threads = threads;
	}

	@Override
	public Health health() {
		long[] ids = this.threads.isSynchronizerUsageSupported() ? this.threads.findDeadlockedThreads()
				: this.threads.findMonitorDeadlockedThreads();
		if (ids == null) {
			return Health.up().build();
		}
		List<String> deadlocked = new ArrayList<>();
		for (ThreadInfo info : this.threads.getThreadInfo(ids)) {
			if (info != null) {
				deadlocked.add(info.getThreadName() + " waits for " + info.getLockName() + " held by "
						+ info.getLockOwnerName());
			}
		}
		return Health.down().withDetail("threads", deadlocked).build();
	}

}
