package dev.hardenedboot.core.outbound;

import java.io.IOException;
import java.io.InterruptedIOException;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.DeadlineExceededException;
import dev.hardenedboot.core.context.RequestContext;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Carries the request context onto outbound calls: {@code X-Request-ID} and
 * {@code X-Request-Timeout} (what is left of the budget, in milliseconds) go downstream; a
 * call is not started once the deadline has passed; and a timeout that the deadline caused
 * surfaces as {@link DeadlineExceededException}, so the request ends in 504
 * {@code REQUEST_TIMEOUT} rather than a generic I/O error.
 */
class RequestContextForwardingInterceptor implements ClientHttpRequestInterceptor {

	static final String REQUEST_ID_HEADER = "X-Request-ID";

	static final String REQUEST_TIMEOUT_HEADER = "X-Request-Timeout";

	private final boolean propagateHeaders;

	RequestContextForwardingInterceptor(boolean propagateHeaders) {
		this.propagateHeaders = propagateHeaders;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		RequestContext context = RequestContext.currentOrNull();
		if (context == null) {
			return execution.execute(request, body);
		}
		Deadline deadline = context.deadline().orElse(null);
		if (deadline != null) {
			// Nobody waits for the answer: don't load the downstream with the call.
			deadline.throwIfExpired();
		}
		if (this.propagateHeaders) {
			request.getHeaders().set(REQUEST_ID_HEADER, context.requestId());
			if (deadline != null) {
				request.getHeaders().set(REQUEST_TIMEOUT_HEADER, Long.toString(Math.max(1, deadline.remainingMillis())));
			}
		}
		try {
			return execution.execute(request, body);
		}
		catch (InterruptedIOException ex) {
			if (deadline != null && deadline.isExpired()) {
				throw new DeadlineExceededException(deadline, ex);
			}
			throw ex;
		}
	}

}
