package dev.hardenedboot.core.propagation;

import java.util.Map;

import dev.hardenedboot.core.context.RequestContext;
import dev.hardenedboot.core.context.RequestContextThreadLocalAccessor;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.MDC;

import org.springframework.lang.Nullable;

/**
 * What a task takes from the thread that submits it: the MDC, every context registered with
 * Micrometer's context-propagation library (the current observation, and with it the trace),
 * and the {@link RequestContext}, with or without its deadline. Restoring it on the thread
 * that runs the task returns a scope that puts that thread back as it was.
 */
public final class CapturedContext {

	/** The request context is bound explicitly, so it can go with or without its deadline. */
	private static final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder()
		.captureKeyPredicate((key) -> !RequestContextThreadLocalAccessor.KEY.equals(key))
		.build();

	private final ContextSnapshot snapshot;

	@Nullable
	private final Map<String, String> mdc;

	@Nullable
	private final RequestContext requestContext;

	private CapturedContext(ContextSnapshot snapshot, @Nullable Map<String, String> mdc,
			@Nullable RequestContext requestContext) {
		this.snapshot = snapshot;
		this.mdc = mdc;
		this.requestContext = requestContext;
	}

	/**
	 * Captures the calling thread's context.
	 * @param withDeadline whether the request context keeps its deadline: only for work that
	 * belongs to the request and ends with it
	 * @return the captured context
	 */
	public static CapturedContext capture(boolean withDeadline) {
		RequestContext context = RequestContext.currentOrNull();
		if (context != null && !withDeadline) {
			context = context.withoutDeadline();
		}
		return new CapturedContext(snapshots.captureAll(), MDC.getCopyOfContextMap(), context);
	}

	/**
	 * Binds the captured context to the calling thread.
	 * @return the scope that restores the thread's own context; close it in a finally block
	 */
	public RequestContext.Scope restore() {
		Map<String, String> previousMdc = MDC.getCopyOfContextMap();
		setMdc(this.mdc);
		ContextSnapshot.Scope traces = this.snapshot.setThreadLocals();
		RequestContext.Scope request = RequestContext.bind(this.requestContext);
		return () -> {
			try {
				request.close();
				traces.close();
			}
			finally {
				setMdc(previousMdc);
			}
		};
	}

	private static void setMdc(@Nullable Map<String, String> values) {
		if (values == null || values.isEmpty()) {
			MDC.clear();
		}
		else {
			MDC.setContextMap(values);
		}
	}

}
