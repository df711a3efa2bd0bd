package dev.hardenedboot.data.pool;

import java.util.Map;

import dev.hardenedboot.core.config.LowestPriorityDefaults;

/**
 * HikariCP defaults for what the application leaves unset: a request that cannot get a
 * connection fails in 3s instead of Hikari's 30s (HikariCP #1905, "Connection is not
 * available, request timed out after 30000ms", outlives every request deadline), and a
 * connection held for a minute is logged as a probable leak.
 */
public class PoolDefaultsEnvironmentPostProcessor extends LowestPriorityDefaults {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "hardenedBootDataPoolDefaults";

	public PoolDefaultsEnvironmentPostProcessor() {
		// Hikari validates a connection idle for over 500 ms before lending it, for up to 5 s of
		// its own: past the connection timeout, when the database stopped answering.
		super(PROPERTY_SOURCE_NAME, Map.of("spring.datasource.hikari.connection-timeout", "3000",
				"spring.datasource.hikari.validation-timeout", "1000",
				"spring.datasource.hikari.leak-detection-threshold", "60000"));
	}

}
