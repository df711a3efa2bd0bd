package dev.hardenedboot.core.propagation;

import dev.hardenedboot.core.context.RequestContext;

import org.springframework.core.task.TaskDecorator;

/**
 * Carries what a task needs to be traced back to the request that started it, from the
 * submitting thread to the thread that runs it: the MDC ({@code request_id}, trace ids),
 * every context registered with Micrometer's context-propagation library (the current
 * observation, and with it the trace context), and the {@link RequestContext} without its
 * deadline.
 *
 * <p>The deadline stays behind on purpose: work handed to an ordinary executor is
 * fire-and-forget, and must not inherit a budget that is spent by the time it runs. Work
 * that belongs to the request, and must end with it, goes to the request-scoped executor.
 */
public class RequestContextTaskDecorator implements TaskDecorator {

	@Override
	public Runnable decorate(Runnable task) {
		CapturedContext captured = CapturedContext.capture(false);
		return () -> {
			try (RequestContext.Scope scope = captured.restore()) {
				task.run();
			}
		};
	}

}
