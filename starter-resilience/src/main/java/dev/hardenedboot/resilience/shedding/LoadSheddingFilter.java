package dev.hardenedboot.resilience.shedding;

import java.io.IOException;
import java.util.Optional;

import com.netflix.concurrency.limits.Limiter;
import dev.hardenedboot.core.errors.HardenedErrorCode;
import dev.hardenedboot.core.errors.ProblemDetails;
import dev.hardenedboot.core.errors.ProblemResponseWriter;
import dev.hardenedboot.resilience.shedding.PathGroupLimiters.GroupLimiter;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits a request while its path group is under its concurrency limit and answers the rest
 * at once with 503 {@code OVERLOADED} and {@code Retry-After}: a request that would only
 * queue behind the ones being served is refused before it costs anything. Each admitted
 * request's latency feeds the group's limit; an asynchronous request counts until it completes.
 */
class LoadSheddingFilter extends OncePerRequestFilter {

	private static final String DETAIL = "The service is overloaded. Retry after the time given in Retry-After.";

	private final PathGroupLimiters limiters;

	private final LoadSheddingMetrics metrics;

	private final ProblemDetails problems;

	private final ProblemResponseWriter writer;

	private final String retryAfterSeconds;

	LoadSheddingFilter(PathGroupLimiters limiters, LoadSheddingMetrics metrics, ProblemDetails problems,
			ProblemResponseWriter writer, LoadSheddingProperties properties) {
		this.limiters = limiters;
		this.metrics = metrics;
		this.problems = problems;
		this.writer = writer;
		long millis = properties.getRetryAfter().toMillis();
		this.retryAfterSeconds = Long.toString((millis + 999) / 1000);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Optional<GroupLimiter> group = this.limiters.groupOf(path);
		if (group.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Limiter.Listener> admitted = group.get().acquire();
		if (admitted.isEmpty()) {
			this.metrics.rejected(group.get().name());
			response.setHeader(HttpHeaders.RETRY_AFTER, this.retryAfterSeconds);
			this.writer.write(request, response, this.problems.create(HardenedErrorCode.OVERLOADED, DETAIL, request));
			return;
		}
		Limiter.Listener listener = admitted.get();
		boolean completed = false;
		try {
			chain.doFilter(request, response);
			completed = true;
		}
		finally {
			if (!completed) {
				// Failed before producing a response: no latency sample worth learning from.
				listener.onIgnore();
			}
			else if (request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new AsyncCompletion(listener));
			}
			else {
				complete(listener, response);
			}
		}
	}

	/**
	 * A request cut by its deadline (504) or refused downstream (503) says the service is past
	 * its limit: the limiter treats it as a drop and backs off.
	 */
	static void complete(Limiter.Listener listener, HttpServletResponse response) {
		int status = response.getStatus();
		if (status == HttpStatus.GATEWAY_TIMEOUT.value() || status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			listener.onDropped();
		}
		else {
			listener.onSuccess();
		}
	}

	private static final class AsyncCompletion implements AsyncListener {

		private final Limiter.Listener listener;

		private boolean done;

		AsyncCompletion(Limiter.Listener listener) {
			this.listener = listener;
		}

		@Override
		public synchronized void onComplete(AsyncEvent event) {
			if (!this.done) {
				this.done = true;
				complete(this.listener, (HttpServletResponse) event.getSuppliedResponse());
			}
		}

		@Override
		public synchronized void onTimeout(AsyncEvent event) {
			if (!this.done) {
				this.done = true;
				this.listener.onDropped();
			}
		}

		@Override
		public synchronized void onError(AsyncEvent event) {
			if (!this.done) {
				this.done = true;
				this.listener.onIgnore();
			}
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

}
