package dev.hardenedboot.resilience.report;

import java.util.List;

import dev.hardenedboot.core.report.HardeningCheck;
import dev.hardenedboot.core.report.HardeningFinding;
import io.github.resilience4j.spring6.circuitbreaker.configure.CircuitBreakerConfigurationProperties;
import io.github.resilience4j.spring6.retry.configure.RetryConfigurationProperties;

/**
 * The breaker wraps the retry, so it sees one outcome per logical call. resilience4j's own order
 * is the reverse, and an application that sets either order may bring it back: each retried
 * attempt then counts as a separate failure and the breaker opens on a fraction of the traffic
 * it was sized for.
 */
class AspectOrderCheck implements HardeningCheck {

	private final CircuitBreakerConfigurationProperties circuitBreaker;

	private final RetryConfigurationProperties retry;

	AspectOrderCheck(CircuitBreakerConfigurationProperties circuitBreaker, RetryConfigurationProperties retry) {
		this.circuitBreaker = circuitBreaker;
		this.retry = retry;
	}

	@Override
	public List<HardeningFinding> check() {
		int breaker = this.circuitBreaker.getCircuitBreakerAspectOrder();
		int retry = this.retry.getRetryAspectOrder();
		String orders = "circuit-breaker-aspect-order " + breaker + ", retry-aspect-order " + retry;
		if (breaker < retry) {
			return List.of(HardeningFinding.pass("resilience", "resilience.aspect-order",
					"The circuit breaker wraps the retry (" + orders + "): one outcome per call."));
		}
		return List.of(HardeningFinding.warn("resilience", "resilience.aspect-order",
				"The retry wraps the circuit breaker (" + orders + "): every attempt of one call counts as a "
						+ "separate failure, so the breaker opens on a fraction of the failing calls it was sized for.",
				"Remove resilience4j.circuitbreaker.circuit-breaker-aspect-order and "
						+ "resilience4j.retry.retry-aspect-order (Hardened Boot orders the breaker outside), or give "
						+ "the breaker the lower order."));
	}

}
