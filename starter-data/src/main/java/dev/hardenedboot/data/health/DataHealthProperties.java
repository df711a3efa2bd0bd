package dev.hardenedboot.data.health;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The data health contributors: {@code db} in readiness, {@code databaseReadOnly},
 * {@code hikariPool} and {@code writableTables} in the deep group. Each is also bounded by
 * starter-observability's per-indicator time limit.
 */
@ConfigurationProperties("hardened.data.health")
@Validated
public class DataHealthProperties {

	/**
	 * Whether Hardened Boot's data health contributors replace Boot's db check and join the
	 * deep group.
	 */
	private boolean enabled = true;

	/**
	 * Longest wait for Connection.isValid, in whole seconds as JDBC takes it. Never 0, which
	 * JDBC reads as "no limit" and Boot's own db check uses.
	 */
	@NotNull
	@DurationMin(seconds = 1)
	@DurationMax(seconds = 60)
	private Duration validationTimeout = Duration.ofSeconds(1);

	/**
	 * Threads waiting for a pooled connection above which the deep hikariPool check is DOWN:
	 * the pool, not the database, is then the bottleneck.
	 */
	@Min(0)
	private int maxThreadsAwaitingConnection = 10;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getValidationTimeout() {
		return this.validationTimeout;
	}

	public void setValidationTimeout(Duration validationTimeout) {
		this.validationTimeout = validationTimeout;
	}

	public int getMaxThreadsAwaitingConnection() {
		return this.maxThreadsAwaitingConnection;
	}

	public void setMaxThreadsAwaitingConnection(int maxThreadsAwaitingConnection) {
		this.maxThreadsAwaitingConnection = maxThreadsAwaitingConnection;
	}

}
