package dev.hardenedboot.observability.logging.collapse;

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
 * The opt-in collapse of identical repeated WARN lines. The collapser exists even while
 * {@code hardened.logging.collapse.enabled=false}, detached from Logback, so a configuration
 * reload can turn it on without a restart.
 */
@AutoConfiguration
@ConditionalOnClass(LoggerContext.class)
@ConditionalOnLogback
@ConditionalOnProperty(prefix = "hardened.logging", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(LoggingProperties.class)
public class LogCollapseAutoConfiguration {

	@Bean(initMethod = "attach", destroyMethod = "detach")
	@ConditionalOnMissingBean
	LogCollapser logCollapser(LoggingProperties properties) {
		return new LogCollapser((LoggerContext) LoggerFactory.getILoggerFactory(), properties.getCollapse());
	}

	/**
	 * Reloaded settings: the reload has rebound the properties by the time the event arrives.
	 */
	@Bean
	ApplicationListener<ConfigReloadedEvent> logCollapseReloadListener(LogCollapser collapser,
			LoggingProperties properties) {
		return (event) -> {
			if (event.changedUnder("hardened.logging.collapse")) {
				collapser.update(properties.getCollapse());
			}
		};
	}

}
