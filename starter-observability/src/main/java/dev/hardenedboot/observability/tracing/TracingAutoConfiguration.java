package dev.hardenedboot.observability.tracing;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.ObservationPredicate;
import io.opentelemetry.api.OpenTelemetry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * One tracer, Boot's Micrometer Tracing with the OpenTelemetry bridge: probes untraced, a
 * check that the OpenTelemetry artifacts agree on their version, and a record of any other
 * tracer found (the OpenTelemetry agent turns Boot's tracing off through
 * {@link TracingAgentEnvironmentPostProcessor}).
 */
@AutoConfiguration(before = { ObservationAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class })
@ConditionalOnClass(ObservationPredicate.class)
@ConditionalOnProperty(prefix = "hardened.tracing", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(TracingProperties.class)
public class TracingAutoConfiguration {

	private static final Log logger = LogFactory.getLog(TracingAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	TracerSelection tracerSelection(Environment environment) {
		String other = OtherTracer.detect(getClass().getClassLoader());
		if (other != null) {
			logger.warn("Tracer '" + other + "' is present: Hardened Boot leaves tracing to it"
					+ (OtherTracer.AGENT.equals(other) ? " and sets management.tracing.enabled=false by default" : "")
					+ ". Two tracers give every request two spans and two sets of MDC keys.");
		}
		return new TracerSelection(other, environment.getProperty("management.tracing.enabled", Boolean.class, true));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OpenTelemetry.class)
	static class OpenTelemetryVersionsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OpenTelemetryVersions openTelemetryVersions() {
			OpenTelemetryVersions versions = OpenTelemetryVersions.detect(getClass().getClassLoader());
			if (!versions.isAligned()) {
				logger.warn("OpenTelemetry artifacts disagree on their version: " + versions.getVersions()
						+ ". Align them on Boot's managed version (opentelemetry.version) or expect"
						+ " NoClassDefFoundError and NoSuchMethodError at run time.");
			}
			return versions;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(ServerRequestObservationContext.class)
	static class UntracedPathsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "untracedPathsObservationPredicate")
		ObservationPredicate untracedPathsObservationPredicate(TracingProperties properties, Environment environment) {
			List<String> patterns = new ArrayList<>(properties.getUntracedPaths());
			String actuator = environment.getProperty("management.endpoints.web.base-path", "/actuator");
			patterns.add(actuator);
			patterns.add(actuator + "/**");
			return new UntracedPathsObservationPredicate(patterns);
		}

	}

}
