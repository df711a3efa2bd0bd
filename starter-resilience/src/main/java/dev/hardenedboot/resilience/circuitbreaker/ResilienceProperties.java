package dev.hardenedboot.resilience.circuitbreaker;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Hardened Boot's resilience defaults. The breaker, retry, time limiter and bulkhead settings
 * themselves are resilience4j's own properties ({@code resilience4j.circuitbreaker.configs.default.*}
 * and so on), which Hardened Boot fills in as lowest-priority defaults.
 */
@ConfigurationProperties("hardened.resilience")
@Validated
public class ResilienceProperties {

	/**
	 * Whether Hardened Boot's resilience defaults, start-up checks and 503 answers apply.
	 * Read when the environment is prepared, so it can only be set before start-up.
	 */
	private boolean enabled = true;

	/**
	 * Calls slower than this count as slow; when half of the calls in a breaker's window are
	 * slow, it opens. Becomes {@code slow-call-duration-threshold} of every breaker.
	 */
	@NotNull
	@DurationMin(millis = 1)
	private Duration slowCallThreshold = Duration.ofSeconds(2);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getSlowCallThreshold() {
		return this.slowCallThreshold;
	}

	public void setSlowCallThreshold(Duration slowCallThreshold) {
		this.slowCallThreshold = slowCallThreshold;
	}

}
