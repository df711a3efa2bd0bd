package dev.hardenedboot.data.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Redis commands bounded by the request deadline, and the {@code redis} readiness check.
 * Timeouts stay Boot's {@code spring.data.redis.timeout} and
 * {@code spring.data.redis.connect-timeout}, which Hardened Boot defaults to 2s each.
 */
@ConfigurationProperties("hardened.data.redis")
public class DataRedisProperties {

	/**
	 * Whether Lettuce commands are bounded by the request's deadline and readiness checks
	 * Redis with PING.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
