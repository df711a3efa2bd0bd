package dev.hardenedboot.observability.health;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code hardened.health.status{group}}: the probe groups' status as a gauge, read through the
 * bounded checks.
 */
class HealthStatusMetricsTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withInitializer((context) -> new HealthGroupsEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
		.withConfiguration(AutoConfigurations.of(HealthAutoConfiguration.class,
				ApplicationAvailabilityAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class,
				EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class));

	@Test
	void onByDefaultForLivenessAndReadinessNeverDeep() {
		this.runner.run((context) -> {
			started(context);
			assertThat(context).hasBean("healthStatusMetrics");
			assertThat(status(context, "liveness")).isEqualTo(1);
			assertThat(status(context, "readiness")).isEqualTo(1);
			assertThat(context.getBean(MeterRegistry.class).find(HealthStatusMetrics.NAME).tag("group", "deep").gauge())
				.isNull();
		});
	}

	@Test
	void readinessReadsZeroWhileAMemberIsDownAndLivenessStaysUp() {
		this.runner.withUserConfiguration(DownDatabase.class).run((context) -> {
			started(context);
			assertThat(status(context, "readiness")).isZero();
			assertThat(status(context, "liveness")).isEqualTo(1);
		});
	}

	@Test
	void readinessFollowsTheApplicationsReadinessStateOnceTheCachedCheckExpires() {
		this.runner.run((context) -> {
			started(context);
			AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
			assertThat(status(context, "readiness")).isZero();
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			// The last check's result is reused for the cache TTL and the time limit.
			await().atMost(Duration.ofSeconds(10)).until(() -> status(context, "readiness") == 1);
		});
	}

	@Test
	void scrapesReuseTheCachedChecksInsteadOfCallingTheDependencyAgain() {
		this.runner.withUserConfiguration(CountingDatabase.class)
			.withPropertyValues("hardened.health.cache-ttl=1m")
			.run((context) -> {
				started(context);
				for (int scrape = 0; scrape < 5; scrape++) {
					assertThat(status(context, "readiness")).isEqualTo(1);
				}
				assertThat(context.getBean(CountingDatabase.class).checks).hasValue(1);
			});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.health.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean("healthStatusMetrics");
			assertThat(context.getBean(MeterRegistry.class).find(HealthStatusMetrics.NAME).gauge()).isNull();
		});
	}

	@Test
	void backsOffToAUserBean() {
		this.runner.withUserConfiguration(UserMetrics.class).run((context) -> {
			assertThat(context.getBean("healthStatusMetrics")).isSameAs(UserMetrics.BINDER);
			assertThat(context.getBean(MeterRegistry.class).find(HealthStatusMetrics.NAME).gauge()).isNull();
		});
	}

	@Test
	void absentWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterBinder.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("healthStatusMetrics"));
	}

	private static double status(AssertableWebApplicationContext context, String group) {
		Gauge gauge = context.getBean(MeterRegistry.class).find(HealthStatusMetrics.NAME).tag("group", group).gauge();
		assertThat(gauge).as("gauge of group %s", group).isNotNull();
		return gauge.value();
	}

	private static void started(AssertableWebApplicationContext context) {
		AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
	}

	@Configuration(proxyBeanMethods = false)
	static class DownDatabase {

		@Bean
		HealthIndicator dbHealthIndicator() {
			return () -> Health.down().withDetail("error", "connection refused").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CountingDatabase {

		final AtomicInteger checks = new AtomicInteger();

		@Bean
		HealthIndicator dbHealthIndicator() {
			return () -> {
				this.checks.incrementAndGet();
				return Health.up().build();
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMetrics {

		static final MeterBinder BINDER = (registry) -> {
		};

		@Bean
		MeterBinder healthStatusMetrics() {
			return BINDER;
		}

	}

}
