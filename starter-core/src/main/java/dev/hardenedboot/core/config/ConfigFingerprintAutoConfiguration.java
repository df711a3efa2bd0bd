package dev.hardenedboot.core.config;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
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
	CurrentConfigurationFingerprint currentConfigurationFingerprint(ConfigurableEnvironment environment) {
		return new CurrentConfigurationFingerprint(environment);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(InfoContributor.class)
	static class InfoConfiguration {

		@Bean
		InfoContributor configFingerprintInfoContributor(CurrentConfigurationFingerprint fingerprint) {
			return (builder) -> builder.withDetail("config", Map.of("fingerprint", fingerprint.get().value()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		/**
		 * One row whose tag is the current fingerprint; a reload replaces the row, so the old
		 * fingerprint leaves the scrape instead of lingering beside the new one.
		 */
		@Bean
		MeterBinder configFingerprintMeterBinder(CurrentConfigurationFingerprint fingerprint) {
			return (registry) -> {
				MultiGauge gauge = MultiGauge.builder("hardened.config.info")
					.description("The configuration fingerprint of this instance, as a tag")
					.register(registry);
				Runnable update = () -> gauge.register(
						List.of(MultiGauge.Row.of(Tags.of("fingerprint", fingerprint.get().value()), 1)), true);
				update.run();
				fingerprint.onChange(update);
			};
		}

	}

}
