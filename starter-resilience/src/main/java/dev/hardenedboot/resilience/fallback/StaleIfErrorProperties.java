package dev.hardenedboot.resilience.fallback;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Stale-if-error for outbound GET and HEAD calls: the last good answer, served when the call
 * fails or its host's breaker is open.
 */
@ConfigurationProperties("hardened.resilience.stale-if-error")
@Validated
public class StaleIfErrorProperties {

	/** Whether the last good answer of an outbound GET or HEAD is kept and served on failure. */
	private boolean enabled = true;

	/** Most answers kept; the least recently used go first. */
	@Min(1)
	private int maxEntries = 1000;

	/** How long an answer is kept after it was received. Older answers are never served. */
	@NotNull
	@DurationMin(seconds = 1)
	private Duration timeToLive = Duration.ofMinutes(10);

	/** Largest body kept. Larger answers pass through unbuffered and are never served stale. */
	@NotNull
	private DataSize maxBodySize = DataSize.ofKilobytes(256);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxEntries() {
		return this.maxEntries;
	}

	public void setMaxEntries(int maxEntries) {
		this.maxEntries = maxEntries;
	}

	public Duration getTimeToLive() {
		return this.timeToLive;
	}

	public void setTimeToLive(Duration timeToLive) {
		this.timeToLive = timeToLive;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

}
