package dev.hardenedboot.resilience.circuitbreaker;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import dev.hardenedboot.core.errors.ErrorCodeException;
import dev.hardenedboot.core.errors.HardenedErrorCode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults reach every instance, and an application's value for one field changes that
 * field only.
 */
class ResilienceDefaultsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer((context) -> new ResilienceDefaultsEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
		.withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class, RetryAutoConfiguration.class,
				TimeLimiterAutoConfiguration.class));

	@Test
	void aBreakerNamedOnlyInCodeGetsTheDefaults() {
		this.runner.run((context) -> {
			CircuitBreakerConfig config = context.getBean(CircuitBreakerRegistry.class)
				.circuitBreaker("named-only-in-an-annotation")
				.getCircuitBreakerConfig();
			assertThat(config.getFailureRateThreshold()).isEqualTo(50f);
			assertThat(config.getMinimumNumberOfCalls()).isEqualTo(10);
			assertThat(config.getSlidingWindowType()).isEqualTo(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED);
			assertThat(config.getSlidingWindowSize()).isEqualTo(20);
			assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(30_000L);
			assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(1);
			assertThat(config.getSlowCallDurationThreshold()).isEqualTo(Duration.ofSeconds(2));
			assertThat(config.getSlowCallRateThreshold()).isEqualTo(50f);
		});
	}

	@Test
	void aConfiguredInstanceOverridesFieldByField() {
		this.runner
			.withPropertyValues("resilience4j.circuitbreaker.instances.tuned.failure-rate-threshold=25",
					"resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
					"hardened.resilience.slow-call-threshold=750ms")
			.run((context) -> {
				CircuitBreakerRegistry registry = context.getBean(CircuitBreakerRegistry.class);
				CircuitBreakerConfig tuned = registry.circuitBreaker("tuned").getCircuitBreakerConfig();
				assertThat(tuned.getFailureRateThreshold()).isEqualTo(25f);
				assertThat(tuned.getMinimumNumberOfCalls()).isEqualTo(4);
				assertThat(tuned.getSlidingWindowSize()).isEqualTo(20);
				assertThat(tuned.getSlowCallDurationThreshold()).isEqualTo(Duration.ofMillis(750));
				CircuitBreakerConfig other = registry.circuitBreaker("other").getCircuitBreakerConfig();
				assertThat(other.getFailureRateThreshold()).isEqualTo(50f);
				assertThat(other.getMinimumNumberOfCalls()).isEqualTo(4);
			});
	}

	@Test
	void breakersIgnoreTheCallersAndTheBusinesssFailures() {
		this.runner.run((context) -> {
			CircuitBreakerConfig config = context.getBean(CircuitBreakerRegistry.class)
				.circuitBreaker("classified")
				.getCircuitBreakerConfig();
			assertThat(config.getIgnoreExceptionPredicate())
				.accepts(HttpClientErrorException.create(HttpStatus.NOT_FOUND, "", null, null, null),
						new ConstraintViolationException(java.util.Set.of()), new Declined(),
						new ErrorCodeException(HardenedErrorCode.CONFLICT, "taken"))
				.rejects(HttpServerErrorException.create(HttpStatus.BAD_GATEWAY, "", null, null, null),
						new TimeoutException(), new ErrorCodeException(HardenedErrorCode.INTERNAL_ERROR, "x"));
			assertThat(config.getRecordExceptionPredicate()).accepts(new IllegalStateException());
		});
	}

	@Test
	void retriesTwiceAtMostWithJitteredExponentialBackoffAndNeverRepeatsARefusal() {
		this.runner.run((context) -> {
			RetryConfig config = context.getBean(RetryRegistry.class).retry("any").getRetryConfig();
			assertThat(config.getMaxAttempts()).isEqualTo(2);
			long first = config.<Object>getIntervalBiFunction().apply(1, null);
			assertThat(first).isBetween(50L, 150L);
			assertThat(config.getExceptionPredicate()).accepts(new IllegalStateException())
				.rejects(HttpClientErrorException.create(HttpStatus.CONFLICT, "", null, null, null), new Declined(),
						CallNotPermittedException.createCallNotPermittedException(
								context.getBean(CircuitBreakerRegistry.class).circuitBreaker("open")));
		});
	}

	@Test
	void timeLimiterDefault() {
		this.runner.run((context) -> assertThat(
				context.getBean(TimeLimiterRegistry.class).timeLimiter("any").getTimeLimiterConfig().getTimeoutDuration())
			.isEqualTo(Duration.ofSeconds(10)));
	}

	@Test
	void offBySwitchLeavesResilience4jsOwnDefaults() {
		this.runner.withPropertyValues("hardened.resilience.enabled=false")
			.run((context) -> assertThat(context.getBean(CircuitBreakerRegistry.class)
				.circuitBreaker("plain")
				.getCircuitBreakerConfig()
				.getMinimumNumberOfCalls()).isEqualTo(100));
	}

	static class Declined extends RuntimeException implements BusinessOutcome {

	}

}
