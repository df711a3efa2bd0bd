package dev.hardenedboot.resilience.circuitbreaker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.hardenedboot.core.errors.ErrorsAutoConfiguration;
import dev.hardenedboot.core.errors.ProblemDetails;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerDefaultsAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class, JacksonAutoConfiguration.class,
				ErrorsAutoConfiguration.class, CircuitBreakerDefaultsAutoConfiguration.class));

	@Test
	void onByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(OpenCircuitBreakers.class)
			.hasSingleBean(DependencyUnavailableExceptionHandler.class)
			.hasSingleBean(ResilienceProperties.class));
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.resilience.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(OpenCircuitBreakers.class)
				.doesNotHaveBean(DependencyUnavailableExceptionHandler.class));
	}

	@Test
	void backsOffToAUserHandler() {
		this.runner.withUserConfiguration(UserHandler.class)
			.run((context) -> assertThat(context).getBean(DependencyUnavailableExceptionHandler.class)
				.isSameAs(context.getBean("myHandler")));
	}

	@Test
	void absentWithoutResilience4j() {
		this.runner.withClassLoader(new FilteredClassLoader(CircuitBreakerRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(OpenCircuitBreakers.class));
	}

	@Test
	void anInvalidSlowCallThresholdStopsStartUp() {
		this.runner.withPropertyValues("hardened.resilience.slow-call-threshold=0ms")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void retryAfterIsWhatIsLeftOfTheOpenPeriod() {
		MutableClock clock = new MutableClock();
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.waitDurationInOpenState(Duration.ofSeconds(30))
			.build());
		OpenCircuitBreakers open = new OpenCircuitBreakers(registry, clock);
		CircuitBreaker breaker = registry.circuitBreaker("pricing");
		breaker.transitionToOpenState();
		assertThat(open.retryAfterSeconds("pricing")).isEqualTo(30);
		clock.advance(Duration.ofMillis(12_500));
		assertThat(open.retryAfterSeconds("pricing")).isEqualTo(18);
		clock.advance(Duration.ofSeconds(30));
		assertThat(open.retryAfter("pricing")).isEqualTo(OpenCircuitBreakers.MINIMUM_RETRY_AFTER);
		breaker.transitionToHalfOpenState();
		assertThat(open.retryAfter("pricing")).isEqualTo(OpenCircuitBreakers.MINIMUM_RETRY_AFTER);
		// Forced open has no end: the configured open period is the best advice.
		CircuitBreaker forced = registry.circuitBreaker("forced");
		forced.transitionToForcedOpenState();
		assertThat(open.retryAfterSeconds("forced")).isEqualTo(30);
		assertThat(open.retryAfterSeconds("unknown")).isEqualTo(1);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserHandler {

		@Bean
		DependencyUnavailableExceptionHandler myHandler(OpenCircuitBreakers open) {
			return new DependencyUnavailableExceptionHandler(new ProblemDetails(null), open);
		}

	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
