package dev.hardenedboot.data.statement;

import java.time.Duration;

import dev.hardenedboot.core.errors.HardenedErrorCode;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Adds {@code Retry-After} to every 503 {@code DEPENDENCY_UNAVAILABLE} problem that has none,
 * so a client or gateway backs off for a while instead of retrying at once into a database
 * that has no connection to give.
 */
@ControllerAdvice
class RetryAfterAdvice implements ResponseBodyAdvice<Object> {

	private final String retryAfterSeconds;

	RetryAfterAdvice(Duration retryAfter) {
		this.retryAfterSeconds = Long.toString(Math.max(1, retryAfter.toSeconds()));
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	@Nullable
	public Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem && problem.getProperties() != null
				&& HardenedErrorCode.DEPENDENCY_UNAVAILABLE.code().equals(problem.getProperties().get("code"))
				&& !response.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, this.retryAfterSeconds);
		}
		return body;
	}

}
