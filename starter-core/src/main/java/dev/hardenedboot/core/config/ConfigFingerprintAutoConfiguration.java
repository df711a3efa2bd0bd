package dev.hardenedboot.core.config;

import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The configuration fingerprint in {@code /actuator/info} ({@code config.fingerprint}) and as
 * the gauge {@code hardened_config_info{fingerprint="..."} 1}, so a dashboard shows at a
 * glance when one deployment runs with two configurations.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "hardened.config.fingerprint", name = "enabled", matchIfMissing = true)
public class ConfigFingerprintAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConfigurationFingerprint configurationFingerprint(ConfigurableEnvironment environment) {
		return ConfigurationFingerprint.of(environment);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(InfoContributor.class)
	static class InfoConfiguration {

		@Bean
		InfoContributor configFingerprintInfoContributor(ConfigurationFingerprint fingerprint) {
			return (builder) -> builder.withDetail("config", Map.of("fingerprint", fingerprint.value()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		MeterBinder configFingerprintMeterBinder(ConfigurationFingerprint fingerprint) {
			return (registry) -> Gauge.builder("hardened.config.info", () -> 1)
				.description("The configuration fingerprint of this instance, as a tag")
				.tag("fingerprint", fingerprint.value())
				.register(registry);
		}

	}

}
