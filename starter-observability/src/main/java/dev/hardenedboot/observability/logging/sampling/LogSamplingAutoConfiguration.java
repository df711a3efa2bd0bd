package dev.hardenedboot.observability.logging.sampling;

import ch.qos.logback.classic.LoggerContext;
import dev.hardenedboot.core.config.ConfigReloadedEvent;
import dev.hardenedboot.observability.logging.ConditionalOnLogback;
import dev.hardenedboot.observability.logging.LoggingProperties;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * Sampling of INFO and lower log floods, whichever Logback configuration is in use: the
 * starter's or the application's own.
 */
@AutoConfiguration
@ConditionalOnClass(LoggerContext.class)
@ConditionalOnLogback
@ConditionalOnProperty(prefix = "hardened.logging", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardened.logging.sampling", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(LoggingProperties.class)
public class LogSamplingAutoConfiguration {

	@Bean(initMethod = "attach", destroyMethod = "detach")
	@ConditionalOnMissingBean
	LogSampler logSampler(LoggingProperties properties) {
		return new LogSampler((LoggerContext) LoggerFactory.getILoggerFactory(), properties.getSampling());
	}

	/**
	 * New rates from a reloaded configuration: the reload has rebound the properties by the
	 * time the event arrives.
	 */
	@Bean
	ApplicationListener<ConfigReloadedEvent> logSamplingReloadListener(LogSampler sampler,
			LoggingProperties properties) {
		return (event) -> {
			if (event.changedUnder("hardened.logging.sampling")) {
				sampler.update(properties.getSampling());
			}
		};
	}

}
