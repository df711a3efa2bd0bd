package dev.hardenedboot.resilience.outbound;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

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
		 * refused connection, a connection closed without an answer, or 502/503/504.
		 */
		private boolean enabled = true;

		/** Most retries per call to a host, as a share of the calls: 0.1 allows 1 retry per 10 calls. */
		@DecimalMin("0.0")
		@DecimalMax("1.0")
		private double budgetRatio = 0.1;

		/** Most retries a host's budget saves up during quiet times. */
		@Min(1)
		private int budgetMaxSaved = 10;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public double getBudgetRatio() {
			return this.budgetRatio;
		}

		public void setBudgetRatio(double budgetRatio) {
			this.budgetRatio = budgetRatio;
		}

		public int getBudgetMaxSaved() {
			return this.budgetMaxSaved;
		}

		public void setBudgetMaxSaved(int budgetMaxSaved) {
			this.budgetMaxSaved = budgetMaxSaved;
		}

	}

}
