package dev.hardenedboot.core.deadline;

import java.io.IOException;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.DeadlineTimeouts;
import dev.hardenedboot.core.context.RequestContext;
import dev.hardenedboot.core.errors.HardenedErrorCode;
import dev.hardenedboot.core.errors.ProblemDetails;
import dev.hardenedboot.core.errors.ProblemResponseWriter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.ProblemDetail;
import org.springframework.lang.Nullable;

/**
 * Starts each request's {@link Deadline} and ends the request in 504 {@code REQUEST_TIMEOUT}
 * when the response is not committed yet and either a call bounded by the deadline timed out
 * (or code called {@link Deadline#throwIfExpired()}), or the handler returned after the
 * deadline. A malformed {@code X-Request-Timeout} is answered with 400
 * {@code INVALID_REQUEST_TIMEOUT} before the application sees the request.
 *
 * <p>The filter never interrupts or otherwise preempts the request thread: see
 * {@link Deadline}.
 */
class DeadlineFilter extends HttpFilter {

	static final String EXPLICIT_BUDGET_ATTRIBUTE = DeadlineFilter.class.getName() + ".explicit";

	static final String LATE_RESPONSE_ATTRIBUTE = DeadlineFilter.class.getName() + ".late";

	private static final Log logger = LogFactory.getLog(DeadlineFilter.class);

	/** Built again when a configuration reload changes {@code hardened.request.*}. */
	private volatile DeadlinePolicy policy;

	private final ProblemDetails problems;

	private final ProblemResponseWriter writer;

	private final RequestTimeoutRecorder recorder;

	DeadlineFilter(DeadlinePolicy policy, ProblemDetails problems, ProblemResponseWriter writer,
			RequestTimeoutRecorder recorder) {
		this.policy = policy;
		this.problems = problems;
		this.writer = writer;
		this.recorder = recorder;
	}

	DeadlinePolicy getPolicy() {
		return this.policy;
	}

	/**
	 * Applies reloaded deadline settings. The policy copies them (route patterns are parsed
	 * once, not per request), so rebinding {@link RequestProperties} alone would change
	 * nothing.
	 * @param properties the rebound properties
	 */
	void reload(RequestProperties properties) {
		try {
			this.policy = new DeadlinePolicy(properties);
		}
		catch (RuntimeException ex) {
			logger.warn("Reloaded hardened.request.* not applied, the previous deadlines stay in force: "
					+ ex.getMessage());
		}
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestContext context = (RequestContext) request.getAttribute(RequestContext.ATTRIBUTE);
		if (context == null) {
			// The request id filter was replaced by one that does not bind a context.
			chain.doFilter(request, response);
			return;
		}
		if (request.getDispatcherType() != DispatcherType.ASYNC) {
			DeadlinePolicy.Budget budget;
			try {
				budget = this.policy.budgetFor(request);
			}
			catch (IllegalArgumentException ex) {
				this.writer.write(request, response,
						this.problems.create(HardenedErrorCode.INVALID_REQUEST_TIMEOUT, ex.getMessage(), request));
				return;
			}
			if (budget == null) {
				chain.doFilter(request, response);
				return;
			}
			context = context.withDeadline(Deadline.after(budget.duration()));
			request.setAttribute(RequestContext.ATTRIBUTE, context);
			if (budget.explicit()) {
				request.setAttribute(EXPLICIT_BUDGET_ATTRIBUTE, Boolean.TRUE);
			}
		}
		try (RequestContext.Scope scope = context.makeCurrent()) {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			boolean late = Boolean.TRUE.equals(request.getAttribute(LATE_RESPONSE_ATTRIBUTE));
			if (DeadlineTimeouts.isCausedByDeadline(ex, currentDeadline(request))
					&& timedOut(request, response, late ? "late-response" : "call", ex)) {
				return;
			}
			throw ex;
		}
		Deadline deadline = currentDeadline(request);
		if (!request.isAsyncStarted() && deadline != null && deadline.isExpired()) {
			timedOut(request, response, "late-response", null);
		}
	}

	/**
	 * The deadline as the request ends: the handler interceptor lifts it for streaming
	 * responses, so it is read again rather than remembered.
	 */
	@Nullable
	private static Deadline currentDeadline(HttpServletRequest request) {
		RequestContext context = (RequestContext) request.getAttribute(RequestContext.ATTRIBUTE);
		return (context != null) ? context.deadline().orElse(null) : null;
	}

	private boolean timedOut(HttpServletRequest request, HttpServletResponse response, String cause,
			@Nullable Throwable ex) throws IOException {
		RequestContext context = (RequestContext) request.getAttribute(RequestContext.ATTRIBUTE);
		Deadline deadline = context.deadline().orElseThrow();
		String detail = "The request did not complete within its deadline of " + deadline.budget().toMillis() + " ms.";
		ProblemDetail problem = this.problems.create(HardenedErrorCode.REQUEST_TIMEOUT, detail, request);
		if (response.isCommitted()) {
			return false;
		}
		// Counted before the 504 leaves, so a scrape that follows the response sees it.
		this.recorder.record(context.route().orElse("UNKNOWN"), cause);
		this.writer.write(request, response, problem);
		if (logger.isDebugEnabled()) {
			logger.debug("Answered 504 after " + deadline.elapsed().toMillis() + " ms (" + cause + ")", ex);
		}
		return true;
	}

}
