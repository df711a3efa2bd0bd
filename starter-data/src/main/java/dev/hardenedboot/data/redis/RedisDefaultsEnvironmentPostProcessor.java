package dev.hardenedboot.data.redis;

import java.util.Map;

import dev.hardenedboot.core.config.LowestPriorityDefaults;

/**
 * Redis timeouts for what the application leaves unset: Lettuce waits 10s to connect and 60s
 * for a command by default, far beyond any request's deadline. Harmless without Redis:
 * {@code spring.data.redis.*} is read by nothing else.
 */
public class RedisDefaultsEnvironmentPostProcessor extends LowestPriorityDefaults {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "hardenedBootRedisDefaults";

	public RedisDefaultsEnvironmentPostProcessor() {
		super(PROPERTY_SOURCE_NAME, Map.of("spring.data.redis.connect-timeout", "2s", "spring.data.redis.timeout", "2s"));
	}

}
