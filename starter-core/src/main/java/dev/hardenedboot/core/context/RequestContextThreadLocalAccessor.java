package dev.hardenedboot.core.context;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * Lets Micrometer's context-propagation library ({@code ContextSnapshot}, Boot's
 * {@code ContextPropagatingTaskDecorator}, Reactor's automatic context propagation) carry
 * the {@link RequestContext}, deadline included, with the MDC and the trace context.
 * Registered through {@code META-INF/services}. Hardened Boot's own decorator for ordinary
 * executors strips the deadline; see {@code dev.hardenedboot.core.propagation}.
 */
public class RequestContextThreadLocalAccessor implements ThreadLocalAccessor<RequestContext> {

	/** The key under which the context is captured. */
	public static final String KEY = "hardened.request-context";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public RequestContext getValue() {
		return RequestContext.currentOrNull();
	}

	@Override
	public void setValue(RequestContext value) {
		RequestContext.bind(value);
	}

	@Override
	public void setValue() {
		RequestContext.bind(null);
	}

}
