package dev.hardenedboot.resilience.annotation;

import java.util.concurrent.CompletableFuture;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import io.github.resilience4j.timelimiter.annotation.TimeLimiter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ResilienceAnnotationCheckerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AopAutoConfiguration.class, CircuitBreakerAutoConfiguration.class,
					RetryAutoConfiguration.class, TimeLimiterAutoConfiguration.class,
					ResilienceAnnotationsAutoConfiguration.class));

	@Test
	void aBadFallbackNameStopsStartUpNamingTheMethodAndTheExpectedSignature() {
		this.runner.withUserConfiguration(BadFallbackConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("'priceFallbak'")
				.contains(BadFallback.class.getName() + ".price(String, int)")
				.contains("@CircuitBreaker(name = \"pricing\")");
			assertThat(analysis.getAction())
				.contains("Declare the fallback in " + BadFallback.class.getName()
						+ " as String priceFallbak(String sku, int quantity, Throwable failure)");
		});
	}

	@Test
	void aFallbackWithTheWrongParametersIsReportedToo() {
		this.runner.withUserConfiguration(WrongParametersConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(analyze(context.getStartupFailure()).getDescription())
				.contains(WrongParameters.class.getName() + ".price(String)")
				.contains("@Retry(name = \"pricing\")");
		});
	}

	@Test
	void matchingFallbacksPass() {
		this.runner.withUserConfiguration(GoodFallbacksConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(GoodFallbacks.class);
			ResilienceAnnotations found = context.getBean(ResilienceAnnotations.class);
			assertThat(found.annotatedMethods()).isEqualTo(3);
			assertThat(found.resolvedFallbacks()).isEqualTo(3);
			assertThat(found.perCallFallbacks()).isZero();
		});
	}

	@Test
	void aTimeLimiterOnASynchronousMethodStopsStartUp() {
		this.runner.withUserConfiguration(SynchronousTimeLimiterConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("@TimeLimiter on "
					+ SynchronousTimeLimiter.class.getName() + ".price(String), which returns String");
			assertThat(analysis.getAction()).contains("Return a CompletionStage");
		});
	}

	@Test
	void annotationsOnABeanThatIsNotProxiedStopStartUp() {
		this.runner.withPropertyValues("spring.aop.auto=false")
			.withUserConfiguration(GoodFallbacksConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analyze(context.getStartupFailure()).getDescription())
					.contains("is not an AOP proxy, so they are ignored");
			});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.resilience.enabled=false")
			.withUserConfiguration(BadFallbackConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ResilienceAnnotationChecker.class));
	}

	@Test
	void absentWithoutResilience4j() {
		this.runner.withClassLoader(new FilteredClassLoader(CircuitBreaker.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ResilienceAnnotationChecker.class));
	}

	private static FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = new InvalidResilienceAnnotationFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		return analysis;
	}

	static class BadFallback {

		@CircuitBreaker(name = "pricing", fallbackMethod = "priceFallbak")
		public String price(String sku, int quantity) {
			return sku;
		}

		String priceFallback(String sku, int quantity, Throwable failure) {
			return "cached";
		}

	}

	static class WrongParameters {

		@Retry(name = "pricing", fallbackMethod = "fallback")
		public String price(String sku) {
			return sku;
		}

		String fallback(Long sku, Throwable failure) {
			return "cached";
		}

	}

	static class GoodFallbacks {

		@CircuitBreaker(name = "pricing", fallbackMethod = "withArguments")
		public String price(String sku) {
			return sku;
		}

		@Retry(name = "pricing", fallbackMethod = "onlyTheFailure")
		public String stock(String sku) {
			return sku;
		}

		@TimeLimiter(name = "pricing", fallbackMethod = "later")
		public CompletableFuture<String> eventually(String sku) {
			return CompletableFuture.completedFuture(sku);
		}

		private String withArguments(String sku, IllegalStateException failure) {
			return "cached";
		}

		private String onlyTheFailure(Throwable failure) {
			return "cached";
		}

		private CompletableFuture<String> later(String sku, Throwable failure) {
			return CompletableFuture.completedFuture("cached");
		}

	}

	static class SynchronousTimeLimiter {

		@TimeLimiter(name = "pricing")
		public String price(String sku) {
			return sku;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadFallbackConfiguration {

		@Bean
		BadFallback badFallback() {
			return new BadFallback();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WrongParametersConfiguration {

		@Bean
		WrongParameters wrongParameters() {
			return new WrongParameters();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class GoodFallbacksConfiguration {

		@Bean
		GoodFallbacks goodFallbacks() {
			return new GoodFallbacks();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SynchronousTimeLimiterConfiguration {

		@Bean
		SynchronousTimeLimiter synchronousTimeLimiter() {
			return new SynchronousTimeLimiter();
		}

	}

}
