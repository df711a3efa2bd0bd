package dev.hardenedboot.resilience.circuitbreaker;

import dev.hardenedboot.core.errors.HardenedErrorCode;
import dev.hardenedboot.core.errors.ProblemDetails;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a call refused by an open circuit breaker, from an outbound HTTP call or from an
 * application's own {@code @CircuitBreaker} method without a fallback, with 503
 * {@code DEPENDENCY_UNAVAILABLE} and a {@code Retry-After} of what is left of the breaker's
 * open period. The client learns when to come back; it does not learn which dependency failed.
 *
 * <p>Ordered just before Hardened Boot's catch-all handler, which would answer 500. An
 * application's advice with an explicit, higher order handles the exception itself.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class DependencyUnavailableExceptionHandler {

	private static final Log logger = LogFactory.getLog(DependencyUnavailableExceptionHandler.class);

	private static final String DETAIL = "A dependency of this service is unavailable. Retry after the time "
			+ "given in Retry-After.";

	private final ProblemDetails problems;

	private final OpenCircuitBreakers openBreakers;

	public DependencyUnavailableExceptionHandler(ProblemDetails problems, OpenCircuitBreakers openBreakers) {
		this.problems = problems;
		this.openBreakers = openBreakers;
	}

	@ExceptionHandler(CallNotPermittedException.class)
	ResponseEntity<ProblemDetail> handleCallNotPermitted(CallNotPermittedException ex, HttpServletRequest request) {
		String breaker = ex.getCausingCircuitBreakerName();
		long retryAfter = this.openBreakers.retryAfterSeconds(breaker);
		if (logger.isWarnEnabled()) {
			// Expected while a dependency is down: one line, no stack trace.
			logger.warn("DEPENDENCY_UNAVAILABLE (503) for " + request.getMethod() + " " + request.getRequestURI()
					+ ": circuit breaker '" + breaker + "' does not permit calls, retry after " + retryAfter + "s");
		}
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		return this.problems.response(HardenedErrorCode.DEPENDENCY_UNAVAILABLE, DETAIL, request, headers);
	}

}
