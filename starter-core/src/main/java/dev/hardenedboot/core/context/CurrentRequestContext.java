package dev.hardenedboot.core.context;

import java.util.Optional;

/**
 * The injectable view of {@link RequestContext#current()}: a singleton whose methods read the
 * context of the calling thread, so it can be injected anywhere, including beans that
 * outlive requests.
 */
public class CurrentRequestContext {

	/**
	 * The calling thread's context.
	 * @return the context, empty outside a request
	 */
	public Optional<RequestContext> get() {
		return RequestContext.current();
	}

	/**
	 * The calling thread's request id.
	 * @return the request id, empty outside a request
	 */
	public Optional<String> requestId() {
		return get().map(RequestContext::requestId);
	}

	/**
	 * The calling thread's deadline.
	 * @return the deadline, empty outside a request or when the request has none
	 */
	public Optional<Deadline> deadline() {
		return get().flatMap(RequestContext::deadline);
	}

}
