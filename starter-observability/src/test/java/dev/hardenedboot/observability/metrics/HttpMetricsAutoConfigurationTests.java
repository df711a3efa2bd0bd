package dev.hardenedboot.observability.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class HttpMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer((context) -> new MetricsDefaultsEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
		.withConfiguration(AutoConfigurations.of(HttpMetricsAutoConfiguration.class));

	@Test
	void onByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(UriCardinalityGuard.class);
			assertThat(context.getEnvironment().getProperty("management.metrics.web.server.max-uri-tags"))
				.isEqualTo("200");
			assertThat(context.getEnvironment().getProperty("management.metrics.tags.application"))
				.isEqualTo("application");
			assertThat(context.getEnvironment().getProperty("management.metrics.tags.env")).isEqualTo("default");
			assertThat(context.getEnvironment().getProperty("management.metrics.distribution.slo.http.client.requests"))
				.isEqualTo(MetricsDefaultsEnvironmentPostProcessor.SLO_BUCKETS);
		});
	}

	@Test
	void bootsLimitFollowsOursAndTagsFollowTheApplication() {
		this.runner
			.withPropertyValues("hardened.metrics.max-uri-tags=50", "spring.application.name=orders",
					"spring.profiles.active=staging")
			.run((context) -> {
				assertThat(context.getEnvironment().getProperty("management.metrics.web.client.max-uri-tags"))
					.isEqualTo("50");
				assertThat(context.getEnvironment().getProperty("management.metrics.tags.application"))
					.isEqualTo("orders");
				assertThat(context.getEnvironment().getProperty("management.metrics.tags.env")).isEqualTo("staging");
			});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.metrics.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(UriCardinalityGuard.class);
			assertThat(context.getEnvironment().containsProperty("management.metrics.tags.env")).isFalse();
		});
	}

	@Test
	void backsOffToAUserGuard() {
		this.runner.withUserConfiguration(UserGuard.class)
			.run((context) -> assertThat(context).getBean(UriCardinalityGuard.class).isSameAs(UserGuard.GUARD));
	}

	@Test
	void absentWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(UriCardinalityGuard.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserGuard {

		static final UriCardinalityGuard GUARD = new UriCardinalityGuard(java.util.Set.of(), 10);

		@Bean
		UriCardinalityGuard myGuard() {
			return GUARD;
		}

	}

}
