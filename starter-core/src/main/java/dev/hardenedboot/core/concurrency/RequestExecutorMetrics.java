package dev.hardenedboot.core.concurrency;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code hardened.request.forks.running}, {@code .queued} and {@code .skipped}: forks
 * running now, waiting for a thread, and never started because their request ended first.
 */
class RequestExecutorMetrics implements MeterBinder {

	private final RequestExecutor executor;

	RequestExecutorMetrics(RequestExecutor executor) {
		this.executor = executor;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (!(this.executor instanceof DefaultRequestExecutor executor)) {
			// An application's own executor keeps its own statistics.
			return;
		}
		Gauge.builder("hardened.request.forks.running", executor, DefaultRequestExecutor::runningForks)
			.description("Forks of requests running now")
			.register(registry);
		Gauge.builder("hardened.request.forks.queued", executor, DefaultRequestExecutor::queuedForks)
			.description("Forks of requests waiting for a thread")
			.register(registry);
		FunctionCounter.builder("hardened.request.forks.skipped", executor, DefaultRequestExecutor::skippedForks)
			.description("Forks that never started because their request had ended")
			.register(registry);
	}

}
