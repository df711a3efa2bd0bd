package dev.hardenedboot.core.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Graceful drain on shutdown.
 */
@ConfigurationProperties("hardened.shutdown")
public class ShutdownProperties {

	/**
	 * Whether shutdown waits for load balancers to notice the instance is leaving.
	 */
	private boolean enabled = true;

	/**
	 * How long to keep serving after readiness turns to refusing traffic, before the
	 * connector stops: long enough for load balancers to take the instance out. Defaults to
	 * 5s on a detected cloud platform (Kubernetes), 0 elsewhere so tests and local restarts
	 * do not wait.
	 */
	private Duration drainDelay;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getDrainDelay() {
		return this.drainDelay;
	}

	public void setDrainDelay(Duration drainDelay) {
		this.drainDelay = drainDelay;
	}

}
