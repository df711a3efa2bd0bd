package dev.hardenedboot.resilience.outbound;

import java.io.IOException;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.HttpServerErrorException;

/**
 * Puts every outbound call behind the circuit breaker of its target host, named
 * {@code http-<host>}, which gets the breaker defaults and can be tuned like any other
 * instance ({@code resilience4j.circuitbreaker.instances.[http-api.example.com].*}).
 *
 * <p>A 5xx answer or an I/O failure counts as a failure; a 4xx does not (the dependency
 * answered the caller's request). While the breaker is open, a call fails at once with
 * resilience4j's {@code CallNotPermittedException}, which becomes a 503 with
 * {@code Retry-After}, or is answered from the stale-if-error cache.
 */
class HostCircuitBreakerInterceptor implements ClientHttpRequestInterceptor {

	static final String NAME_PREFIX = "http-";

	private final CircuitBreakerRegistry registry;

	HostCircuitBreakerInterceptor(CircuitBreakerRegistry registry) {
		this.registry = registry;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String host = request.getURI().getHost();
		if (host == null) {
			return execution.execute(request, body);
		}
		CircuitBreaker breaker = this.registry.circuitBreaker(NAME_PREFIX + host);
		breaker.acquirePermission();
		long start = breaker.getCurrentTimestamp();
		ClientHttpResponse response;
		try {
			response = execution.execute(request, body);
		}
		catch (IOException | RuntimeException ex) {
			breaker.onError(elapsed(breaker, start), breaker.getTimestampUnit(), ex);
			throw ex;
		}
		if (response.getStatusCode().is5xxServerError()) {
			// The body stays unread for the caller; the breaker only needs the status.
			breaker.onError(elapsed(breaker, start), breaker.getTimestampUnit(),
					HttpServerErrorException.create(response.getStatusCode(), response.getStatusText(),
							response.getHeaders(), null, null));
		}
		else {
			breaker.onSuccess(elapsed(breaker, start), breaker.getTimestampUnit());
		}
		return response;
	}

	private static long elapsed(CircuitBreaker breaker, long start) {
		return breaker.getCurrentTimestamp() - start;
	}

}
