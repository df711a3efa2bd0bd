package dev.hardenedboot.core.security;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A drain delay between the readiness change and the connector stop on shutdown.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnProperty(prefix = "hardened.shutdown", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ShutdownProperties.class)
public class DrainAutoConfiguration {

	static final Duration CLOUD_DRAIN_DELAY = Duration.ofSeconds(5);

	@Bean
	@ConditionalOnMissingBean
	DrainDelayLifecycle drainDelayLifecycle(ShutdownProperties properties, Environment environment) {
		return new DrainDelayLifecycle(drainDelay(properties, environment));
	}

	/**
	 * The drain delay in force: the configured one, else 5s on a detected cloud platform.
	 * @param properties the shutdown properties
	 * @param environment the environment
	 * @return the delay
	 */
	public static Duration drainDelay(ShutdownProperties properties, Environment environment) {
		if (properties.getDrainDelay() != null) {
			return properties.getDrainDelay();
		}
		return (CloudPlatform.getActive(environment) != null) ? CLOUD_DRAIN_DELAY : Duration.ZERO;
	}

}
