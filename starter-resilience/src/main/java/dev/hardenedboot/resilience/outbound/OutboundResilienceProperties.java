package dev.hardenedboot.resilience.outbound;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Circuit breakers and retries on outbound HTTP. The breakers' and retries' settings are
 * resilience4j's, per host under {@code resilience4j.circuitbreaker.instances.[http-<host>].*}
 * and {@code resilience4j.retry.instances.[http-<host>].*}.
 */
@ConfigurationProperties("hardened.resilience.http")
@Validated
public class OutboundResilienceProperties {

	/**
	 * Whether every RestClient and RestTemplate built from Boot's builders calls each host
	 * through that host's circuit breaker, http-&lt;host&gt;.
	 */
	private boolean enabled = true;

	/** Retries of idempotent calls. */
	@Valid
	private final Retry retry = new Retry();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Retry getRetry() {
		return this.retry;
	}

	/** Retries of idempotent outbound calls. */
	public static class Retry {

		/**
		 * Whether idempotent calls (GET, HEAD, OPTIONS, PUT, DELETE, TRACE) are retried on a
		 * refused connection, a connection closed without an answer, or 502/503/504, within
		 * each host's retry budget (hardened.resilience.retry.budget-*).
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
