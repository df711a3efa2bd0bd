package dev.hardenedboot.observability.report;

import ch.qos.logback.classic.LoggerContext;
import dev.hardenedboot.core.report.HardeningCheck;
import dev.hardenedboot.observability.logging.ConditionalOnLogback;
import dev.hardenedboot.observability.tracing.OpenTelemetryVersions;
import dev.hardenedboot.observability.tracing.TracerSelection;
import dev.hardenedboot.observability.tracing.TracingAutoConfiguration;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The observability starter's {@link HardeningCheck hardening checks}: probes, logging and
 * tracing. The tracing checks read the beans the tracing auto-configuration leaves, so they
 * are there when it is.
 */
@AutoConfiguration(after = { HealthEndpointAutoConfiguration.class, TracingAutoConfiguration.class })
@ConditionalOnClass(HardeningCheck.class)
@ConditionalOnProperty(prefix = "hardened.report", name = "enabled", matchIfMissing = true)
public class ObservabilityHardeningChecksAutoConfiguration {

	@Bean
	HardeningCheck rootLogLevelCheck(ConfigurableEnvironment environment, ObjectProvider<LoggingSystem> loggingSystem) {
		// Boot registers the logging system it initialised as a singleton; outside a
		// SpringApplication there is none, and a fresh one reads the same backend.
		return new RootLogLevelCheck(environment,
				loggingSystem.getIfAvailable(() -> LoggingSystem.get(getClass().getClassLoader())));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnLogback
	@ConditionalOnClass(name = "net.logstash.logback.encoder.CompositeJsonEncoder")
	static class LoggingChecksConfiguration {

		@Bean
		HardeningCheck jsonLoggingCheck(ConfigurableEnvironment environment) {
			return new JsonLoggingCheck(environment, (LoggerContext) LoggerFactory.getILoggerFactory(),
					getClass().getClassLoader());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthEndpointGroups.class)
	static class ProbeChecksConfiguration {

		@Bean
		HardeningCheck livenessProbeCheck(ObjectProvider<HealthEndpointGroups> groups,
				ObjectProvider<HealthContributorRegistry> registry) {
			return new LivenessProbeCheck(groups, registry);
		}

		@Bean
		HardeningCheck breakersDeepOnlyCheck(ObjectProvider<HealthEndpointGroups> groups,
				ObjectProvider<HealthContributorRegistry> registry) {
			return new BreakersDeepOnlyCheck(groups, registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(TracerSelection.class)
	static class TracerChecksConfiguration {

		@Bean
		HardeningCheck singleTracerCheck(TracerSelection selection) {
			return new SingleTracerCheck(selection);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(OpenTelemetryVersions.class)
	static class OpenTelemetryVersionsChecksConfiguration {

		@Bean
		HardeningCheck openTelemetryVersionsCheck(OpenTelemetryVersions versions) {
			return new OpenTelemetryVersionsCheck(versions);
		}

	}

}
