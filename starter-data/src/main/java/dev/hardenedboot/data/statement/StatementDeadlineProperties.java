package dev.hardenedboot.data.statement;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Statements and transactions bounded by the request deadline, and the answer when the
 * database cannot be reached.
 */
@ConfigurationProperties("hardened.data.statement")
@Validated
public class StatementDeadlineProperties {

	/**
	 * Whether statements and @Transactional methods without their own timeout are bounded by
	 * the request's remaining deadline.
	 */
	private boolean enabled = true;

	/**
	 * Retry-After sent with 503 DEPENDENCY_UNAVAILABLE when the database cannot give a
	 * connection. About the time a pool needs to recover from a burst or a failover.
	 */
	@NotNull
	@DurationMin(seconds = 1)
	private Duration retryAfter = Duration.ofSeconds(5);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	public void setRetryAfter(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

}
