package dev.hardenedboot.core.config.reload;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hot reload of the mounted configuration directory and {@code config.{profile}.yaml}, with
 * the count of applied and rejected changes when Micrometer is present.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnProperty(prefix = "hardened.config.reload", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ConfigReloadProperties.class)
public class ConfigReloadAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConfigReloader configReloader(ConfigurableApplicationContext context,
			ObjectProvider<ConfigReloadRecorder> recorder) {
		return new ConfigReloader(context, recorder.getIfAvailable(() -> ConfigReloadRecorder.NONE));
	}

	@Bean
	@ConditionalOnProperty(prefix = "hardened.config.reload", name = "watch", matchIfMissing = true)
	ConfigFileWatcher configFileWatcher(ConfigReloader reloader, ConfigReloadProperties properties,
			ConfigurableApplicationContext context) {
		return new ConfigFileWatcher(reloader, properties, context.getEnvironment());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ConfigReloadRecorder configReloadRecorder(MeterRegistry registry) {
			return new MicrometerConfigReloadRecorder(registry);
		}

	}

}
