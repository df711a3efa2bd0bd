package dev.hardenedboot.observability.tracing;

import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationPredicate;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class TracingAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TracingAutoConfiguration.class));

	@Test
	void onByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(TracerSelection.class)
				.hasSingleBean(OpenTelemetryVersions.class)
				.hasBean("untracedPathsObservationPredicate");
			assertThat(context.getBean(TracerSelection.class).isBackedOff()).isFalse();
			assertThat(context.getBean(OpenTelemetryVersions.class).isAligned()).isTrue();
		});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.tracing.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TracerSelection.class)
				.doesNotHaveBean(OpenTelemetryVersions.class)
				.doesNotHaveBean(ObservationPredicate.class));
	}

	@Test
	void backsOffToUserBeans() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).getBean(OpenTelemetryVersions.class).isSameAs(UserBeans.VERSIONS);
			assertThat(context).getBean("untracedPathsObservationPredicate").isSameAs(UserBeans.PREDICATE);
		});
	}

	@Test
	void absentWithoutMicrometerObservation() {
		this.runner.withClassLoader(new FilteredClassLoader(ObservationPredicate.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TracerSelection.class));
	}

	@Test
	void noVersionCheckWithoutOpenTelemetry() {
		this.runner.withClassLoader(new FilteredClassLoader(OpenTelemetry.class))
			.run((context) -> assertThat(context).hasSingleBean(TracerSelection.class)
				.doesNotHaveBean(OpenTelemetryVersions.class));
	}

	@Test
	void untracedPathsFollowTheActuatorBasePath() {
		this.runner.withPropertyValues("management.endpoints.web.base-path=/manage").run((context) -> {
			ObservationPredicate predicate = context.getBean("untracedPathsObservationPredicate",
					ObservationPredicate.class);
			assertThat(predicate.test("http.server.requests", serverContext("/manage/health"))).isFalse();
			assertThat(predicate.test("http.server.requests", serverContext("/health/ready"))).isFalse();
			assertThat(predicate.test("http.server.requests", serverContext("/orders"))).isTrue();
			assertThat(predicate.test("jdbc.query", new io.micrometer.observation.Observation.Context())).isTrue();
		});
	}

	@Test
	void versionsAreReadFromTheJarsAndComparedWithoutTheAlphaSuffix() {
		OpenTelemetryVersions found = OpenTelemetryVersions.detect(getClass().getClassLoader());
		assertThat(found.getVersions()).containsEntry("opentelemetry-api", "1.49.0")
			.containsEntry("opentelemetry-sdk", "1.49.0")
			.containsEntry("opentelemetry-sdk-trace", "1.49.0");
		assertThat(found.isAligned()).isTrue();
		assertThat(new OpenTelemetryVersions(
				Map.of("opentelemetry-api", "1.49.0", "opentelemetry-api-incubator", "1.49.0-alpha"))
			.isAligned()).isTrue();
		OpenTelemetryVersions mixed = new OpenTelemetryVersions(
				Map.of("opentelemetry-api", "1.49.0", "opentelemetry-sdk", "1.65.0"));
		assertThat(mixed.isAligned()).isFalse();
		assertThat(mixed.toString()).startsWith("NOT aligned");
	}

	@Test
	void otherTracersAreRecognised() {
		assertThat(OtherTracer.detect(List.of("-Xmx1g"), false, false)).isNull();
		assertThat(OtherTracer.detect(List.of("-javaagent:/otel/opentelemetry-javaagent.jar"), false, false))
			.isEqualTo(OtherTracer.AGENT);
		assertThat(OtherTracer.detect(List.of(), true, true)).isEqualTo(OtherTracer.AGENT);
		assertThat(OtherTracer.detect(List.of("-javaagent:/jacoco.jar"), false, true)).isEqualTo(OtherTracer.BRAVE);
		assertThat(OtherTracer.detect(getClass().getClassLoader())).isNull();
		TracerSelection brave = new TracerSelection(OtherTracer.BRAVE, true);
		assertThat(brave.getTracer()).isEqualTo("brave");
		assertThat(brave.isBackedOff()).isTrue();
	}

	@Test
	void bootTracingStaysOnWithoutTheAgent() {
		MockEnvironment environment = new MockEnvironment();
		new TracingAgentEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(TracingAgentEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	private static ServerRequestObservationContext serverContext(String path) {
		return new ServerRequestObservationContext(new MockHttpServletRequest("GET", path),
				new MockHttpServletResponse());
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final OpenTelemetryVersions VERSIONS = new OpenTelemetryVersions(Map.of());

		static final ObservationPredicate PREDICATE = (name, context) -> true;

		@Bean
		OpenTelemetryVersions myVersions() {
			return VERSIONS;
		}

		@Bean
		ObservationPredicate untracedPathsObservationPredicate() {
			return PREDICATE;
		}

	}

}
