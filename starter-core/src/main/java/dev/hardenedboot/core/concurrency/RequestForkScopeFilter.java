package dev.hardenedboot.core.concurrency;

import java.io.IOException;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Opens a request's fork scope and closes it when the request ends: after the filter chain
 * returns, or, for async requests, when the container reports the async cycle complete,
 * timed out or failed (which includes a client found gone by a failed write).
 */
class RequestForkScopeFilter extends HttpFilter {

	private static final String SCOPE_ATTRIBUTE = RequestForkScope.class.getName();

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestForkScope scope = (RequestForkScope) request.getAttribute(SCOPE_ATTRIBUTE);
		if (scope == null) {
			scope = new RequestForkScope();
			request.setAttribute(SCOPE_ATTRIBUTE, scope);
		}
		RequestForkScope previous = RequestForkScope.bind(scope);
		try {
			chain.doFilter(request, response);
		}
		finally {
			RequestForkScope.bind(previous);
			if (request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new ClosingListener(scope));
			}
			else {
				scope.close();
			}
		}
	}

	private record ClosingListener(RequestForkScope scope) implements AsyncListener {

		@Override
		public void onComplete(AsyncEvent event) {
			this.scope.close();
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			this.scope.close();
		}

		@Override
		public void onError(AsyncEvent event) {
			this.scope.close();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			// A new async cycle of the same request: keep listening.
			event.getAsyncContext().addListener(this);
		}

	}

}
