package dev.hardenedboot.core.deadline;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.DeadlineExceededException;
import dev.hardenedboot.core.context.RequestContext;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Stops a body from being written once the deadline has passed. Spring MVC flushes, and so
 * commits, the response as soon as a body is written, which would leave nothing for the
 * deadline filter to replace; failing here instead turns a late answer into 504
 * {@code REQUEST_TIMEOUT}.
 */
@ControllerAdvice
class LateResponseAdvice implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		// An error answer is not a late success: let it through, whatever the deadline.
		if (!(body instanceof ProblemDetail) && request instanceof ServletServerHttpRequest servletRequest) {
			throwIfLate(servletRequest.getServletRequest());
		}
		return body;
	}

	static void throwIfLate(HttpServletRequest request) {
		RequestContext context = (RequestContext) request.getAttribute(RequestContext.ATTRIBUTE);
		Deadline deadline = (context != null) ? context.deadline().orElse(null) : null;
		if (deadline != null && deadline.isExpired()) {
			request.setAttribute(DeadlineFilter.LATE_RESPONSE_ATTRIBUTE, Boolean.TRUE);
			throw new DeadlineExceededException(deadline);
		}
	}

}
