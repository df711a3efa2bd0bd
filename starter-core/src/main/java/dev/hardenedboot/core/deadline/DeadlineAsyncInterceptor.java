package dev.hardenedboot.core.deadline;

import java.util.concurrent.Callable;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.DeadlineExceededException;
import dev.hardenedboot.core.context.RequestContext;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.lang.Nullable;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.AsyncWebRequest;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.DeferredResultProcessingInterceptor;

/**
 * Async handlers ({@code Callable}, {@code DeferredResult}, {@code CompletableFuture}) time
 * out at the request's deadline instead of Spring MVC's global async timeout, and end in 504
 * {@code REQUEST_TIMEOUT}. A {@code Callable} runs with its request's context, deadline
 * included, and Spring MVC interrupts it when the request times out or the container reports
 * an async error. Streaming handlers have no deadline (see
 * {@link DeadlineHandlerInterceptor}) and so keep their own timeouts.
 */
class DeadlineAsyncInterceptor implements CallableProcessingInterceptor, DeferredResultProcessingInterceptor {

	private static final String PREVIOUS_CONTEXT_ATTRIBUTE = DeadlineAsyncInterceptor.class.getName() + ".previous";

	@Override
	public <T> void beforeConcurrentHandling(NativeWebRequest request, Callable<T> task) {
		applyDeadline(request);
	}

	@Override
	public <T> void beforeConcurrentHandling(NativeWebRequest request, DeferredResult<T> deferredResult) {
		applyDeadline(request);
	}

	/**
	 * Runs on the executor's thread, right before the {@code Callable}: the task belongs to
	 * the request, so unlike fire-and-forget work it sees the deadline.
	 */
	@Override
	public <T> void preProcess(NativeWebRequest request, Callable<T> task) {
		RequestContext context = context(request);
		if (context != null) {
			request.setAttribute(PREVIOUS_CONTEXT_ATTRIBUTE, RequestContext.bind(context), NativeWebRequest.SCOPE_REQUEST);
		}
	}

	@Override
	public <T> void postProcess(NativeWebRequest request, Callable<T> task, Object concurrentResult) {
		Object scope = request.getAttribute(PREVIOUS_CONTEXT_ATTRIBUTE, NativeWebRequest.SCOPE_REQUEST);
		if (scope instanceof RequestContext.Scope previous) {
			request.removeAttribute(PREVIOUS_CONTEXT_ATTRIBUTE, NativeWebRequest.SCOPE_REQUEST);
			previous.close();
		}
	}

	@Override
	public <T> Object handleTimeout(NativeWebRequest request, Callable<T> task) {
		Deadline deadline = deadline(request);
		return (deadline != null) ? new DeadlineExceededException(deadline) : RESULT_NONE;
	}

	@Override
	public <T> boolean handleTimeout(NativeWebRequest request, DeferredResult<T> deferredResult) {
		Deadline deadline = deadline(request);
		if (deadline != null) {
			deferredResult.setErrorResult(new DeadlineExceededException(deadline));
		}
		return true;
	}

	private static void applyDeadline(NativeWebRequest request) {
		Deadline deadline = deadline(request);
		if (deadline != null && request instanceof AsyncWebRequest asyncRequest) {
			asyncRequest.setTimeout(Math.max(1, deadline.remainingMillis()));
		}
	}

	@Nullable
	private static Deadline deadline(NativeWebRequest request) {
		RequestContext context = context(request);
		return (context != null) ? context.deadline().orElse(null) : null;
	}

	@Nullable
	private static RequestContext context(NativeWebRequest request) {
		HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
		return (servletRequest != null) ? (RequestContext) servletRequest.getAttribute(RequestContext.ATTRIBUTE) : null;
	}

}
