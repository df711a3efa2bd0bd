package dev.hardenedboot.observability.report;

import dev.hardenedboot.core.report.HardeningCheck;
import dev.hardenedboot.core.report.HardeningFinding;
import dev.hardenedboot.core.report.HardeningReportAutoConfiguration;
import dev.hardenedboot.core.report.HardeningReporter;
import dev.hardenedboot.observability.health.HealthAutoConfiguration;
import dev.hardenedboot.observability.tracing.TracingAutoConfiguration;
import io.micrometer.observation.ObservationPredicate;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityHardeningChecksAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservabilityHardeningChecksAutoConfiguration.class,
				HardeningReportAutoConfiguration.class, TracingAutoConfiguration.class, HealthAutoConfiguration.class,
				ApplicationAvailabilityAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class,
				EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class));

	@Test
	void onByDefaultAndInTheReport() {
		this.runner.run((context) -> {
			assertThat(context.getBeansOfType(HardeningCheck.class)).containsKeys("livenessProbeCheck",
					"breakersDeepOnlyCheck", "jsonLoggingCheck", "rootLogLevelCheck", "singleTracerCheck",
					"openTelemetryVersionsCheck");
			assertThat(context.getBean(HardeningReporter.class).report().findings())
				.filteredOn((finding) -> finding.starter().equals("observability"))
				.extracting(HardeningFinding::id)
				.contains("probes.liveness", "probes.breakers-deep-only", "logging.json", "logging.root-level",
						"tracing.single-tracer", "tracing.otel-versions");
		});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.report.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HardeningCheck.class));
	}

	@Test
	void noProbeChecksWithoutTheActuatorsHealthGroups() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthEndpointGroups.class))
			.run((context) -> assertThat(context).doesNotHaveBean("livenessProbeCheck")
				.doesNotHaveBean("breakersDeepOnlyCheck")
				.hasBean("rootLogLevelCheck"));
	}

	@Test
	void noTracingChecksWhenTheStartersTracingIsOffOrAbsent() {
		this.runner.withPropertyValues("hardened.tracing.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("singleTracerCheck")
				.doesNotHaveBean("openTelemetryVersionsCheck")
				.hasBean("livenessProbeCheck"));
		this.runner.withClassLoader(new FilteredClassLoader(ObservationPredicate.class))
			.run((context) -> assertThat(context).doesNotHaveBean("singleTracerCheck"));
	}

	@Test
	void absentWithoutTheReportSpi() {
		this.runner.withClassLoader(new FilteredClassLoader(HardeningCheck.class))
			.run((context) -> assertThat(context).doesNotHaveBean("livenessProbeCheck")
				.doesNotHaveBean("rootLogLevelCheck"));
	}

}
