package dev.hardenedboot.core.propagation;

import java.util.Map;

import dev.hardenedboot.core.context.RequestContext;
import dev.hardenedboot.core.context.RequestContextThreadLocalAccessor;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.MDC;

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

	private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder()
		.captureKeyPredicate((key) -> !RequestContextThreadLocalAccessor.KEY.equals(key))
		.build();

	@Override
	public Runnable decorate(Runnable task) {
		ContextSnapshot snapshot = this.snapshots.captureAll();
		RequestContext context = RequestContext.currentOrNull();
		RequestContext detached = (context != null) ? context.withoutDeadline() : null;
		Map<String, String> mdc = MDC.getCopyOfContextMap();
		return () -> {
			Map<String, String> previousMdc = MDC.getCopyOfContextMap();
			setMdc(mdc);
			try (ContextSnapshot.Scope scope = snapshot.setThreadLocals();
					RequestContext.Scope request = RequestContext.bind(detached)) {
				task.run();
			}
			finally {
				setMdc(previousMdc);
			}
		};
	}

	private static void setMdc(Map<String, String> values) {
		if (values == null || values.isEmpty()) {
			MDC.clear();
		}
		else {
			MDC.setContextMap(values);
		}
	}

}
