package dev.hardenedboot.resilience.annotation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.bulkhead.annotation.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.ratelimiter.annotation.RateLimiter;
import io.github.resilience4j.retry.annotation.Retry;
import io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadAutoConfiguration;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.ratelimiter.autoconfigure.RateLimiterAutoConfiguration;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.github.resilience4j.timelimiter.annotation.TimeLimiter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What resilience4j's annotations do, with reflective matching on and off: each test runs both
 * ways and expects the same, as resilience4j's AspectJ pointcuts behave.
 */
class ReflectiveAspectMatchingTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, CircuitBreakerAutoConfiguration.class,
				RetryAutoConfiguration.class, BulkheadAutoConfiguration.class, RateLimiterAutoConfiguration.class,
				TimeLimiterAutoConfiguration.class, ResilienceAnnotationsAutoConfiguration.class))
		.withPropertyValues(
				// Hardened Boot's orders: the breaker outside the retry.
				"resilience4j.circuitbreaker.circuit-breaker-aspect-order=" + (Ordered.LOWEST_PRECEDENCE - 5),
				"resilience4j.retry.retry-aspect-order=" + (Ordered.LOWEST_PRECEDENCE - 4),
				"resilience4j.retry.instances.flaky.max-attempts=3",
				"resilience4j.retry.instances.flaky.wait-duration=1ms",
				"resilience4j.circuitbreaker.instances.flaky.minimum-number-of-calls=100",
				"resilience4j.bulkhead.instances.single.max-concurrent-calls=1",
				"resilience4j.bulkhead.instances.single.max-wait-duration=0",
				"resilience4j.ratelimiter.instances.single.limit-for-period=1",
				"resilience4j.ratelimiter.instances.single.limit-refresh-period=1h",
				"resilience4j.ratelimiter.instances.single.timeout-duration=0")
		.withUserConfiguration(BeansConfiguration.class);

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void aMethodLevelBreakerFallsBack(boolean reflective) {
		run(reflective, (context) -> {
			MethodLevel bean = context.getBean(MethodLevel.class);
			assertThat(bean.call()).isEqualTo("fallback");
			assertThat(bean.calls()).isOne();
			assertThat(failedCalls(context, "method")).isOne();
		});
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void aClassLevelBreakerFallsBack(boolean reflective) {
		run(reflective, (context) -> {
			ClassLevel bean = context.getBean(ClassLevel.class);
			assertThat(bean.call()).isEqualTo("fallback");
			assertThat(failedCalls(context, "class")).isOne();
		});
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void theMethodsAnnotationWinsOverItsClasss(boolean reflective) {
		run(reflective, (context) -> {
			Both bean = context.getBean(Both.class);
			assertThatIllegalStateException().isThrownBy(bean::onMethod);
			assertThatIllegalStateException().isThrownBy(bean::onClass);
			assertThat(failedCalls(context, "onMethod")).isOne();
			assertThat(failedCalls(context, "onClass")).isOne();
		});
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void theBreakerWrapsTheRetrySoItSeesOneFailurePerCall(boolean reflective) {
		run(reflective, (context) -> {
			RetriedBehindBreaker bean = context.getBean(RetriedBehindBreaker.class);
			assertThatIllegalStateException().isThrownBy(bean::call);
			assertThat(bean.calls()).isEqualTo(3);
			assertThat(failedCalls(context, "flaky")).isOne();
		});
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void anInterfaceBeanBehindAJdkProxyFallsBack(boolean reflective) {
		this.runner.withPropertyValues("spring.aop.proxy-target-class=false",
				"hardened.resilience.annotations.reflective-matching=" + reflective)
			.run((context) -> {
				Priced bean = context.getBean(Priced.class);
				assertThat(AopUtils.isJdkDynamicProxy(bean)).isTrue();
				assertThat(bean.price()).isEqualTo("fallback");
				assertThat(failedCalls(context, "priced")).isOne();
			});
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void aClassBeanIsProxiedWithCglib(boolean reflective) {
		run(reflective, (context) -> assertThat(AopUtils.isCglibProxy(context.getBean(MethodLevel.class))).isTrue());
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void aBeanWithoutAnnotationsIsNotProxied(boolean reflective) {
		run(reflective, (context) -> assertThat(AopUtils.isAopProxy(context.getBean(Unannotated.class))).isFalse());
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void eachAnnotationAppliesOnce(boolean reflective) {
		run(reflective, (context) -> {
			Everything bean = context.getBean(Everything.class);
			// A one-permit bulkhead and a one-call rate limiter let one call through only once.
			assertThat(bean.bulkheaded()).isEqualTo("ok");
			assertThat(bean.rateLimited()).isEqualTo("ok");
			assertThatIllegalStateException().isThrownBy(bean::retried);
			assertThat(bean.retries()).isEqualTo(3);
			assertThatIllegalStateException().isThrownBy(bean::broken);
			assertThat(failedCalls(context, "counted")).isOne();
			AtomicInteger timed = new AtomicInteger();
			context.getBean(TimeLimiterRegistry.class)
				.timeLimiter("async")
				.getEventPublisher()
				.onSuccess((event) -> timed.incrementAndGet());
			assertThat(bean.timeLimited().join()).isEqualTo("ok");
			assertThat(timed.get()).isOne();
		});
	}

	private void run(boolean reflective, ContextConsumer consumer) {
		this.runner.withPropertyValues("hardened.resilience.annotations.reflective-matching=" + reflective)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(ReflectiveAspectAdvisor.class).isEmpty()).isNotEqualTo(reflective);
				consumer.accept(context);
			});
	}

	private static long failedCalls(AssertableApplicationContext context, String breaker) {
		return context.getBean(CircuitBreakerRegistry.class)
			.circuitBreaker(breaker)
			.getMetrics()
			.getNumberOfFailedCalls();
	}

	interface ContextConsumer {

		void accept(AssertableApplicationContext context) throws Throwable;

	}

	@Configuration(proxyBeanMethods = false)
	static class BeansConfiguration {

		@Bean
		MethodLevel methodLevel() {
			return new MethodLevel();
		}

		@Bean
		ClassLevel classLevel() {
			return new ClassLevel();
		}

		@Bean
		Both both() {
			return new Both();
		}

		@Bean
		RetriedBehindBreaker retriedBehindBreaker() {
			return new RetriedBehindBreaker();
		}

		@Bean
		Priced priced() {
			return new PricedService();
		}

		@Bean
		Unannotated unannotated() {
			return new Unannotated();
		}

		@Bean
		Everything everything() {
			return new Everything();
		}

	}

	static class MethodLevel {

		private final AtomicInteger calls = new AtomicInteger();

		int calls() {
			return this.calls.get();
		}

		@CircuitBreaker(name = "method", fallbackMethod = "fallback")
		public String call() {
			this.calls.incrementAndGet();
			throw new IllegalStateException("down");
		}

		String fallback(Throwable failure) {
			return "fallback";
		}

	}

	@CircuitBreaker(name = "class", fallbackMethod = "fallback")
	static class ClassLevel {

		public String call() {
			throw new IllegalStateException("down");
		}

		public String fallback(Throwable failure) {
			return "fallback";
		}

	}

	@CircuitBreaker(name = "onClass")
	static class Both {

		@CircuitBreaker(name = "onMethod")
		public String onMethod() {
			throw new IllegalStateException("down");
		}

		public String onClass() {
			throw new IllegalStateException("down");
		}

	}

	static class RetriedBehindBreaker {

		private final AtomicInteger calls = new AtomicInteger();

		int calls() {
			return this.calls.get();
		}

		@Retry(name = "flaky")
		@CircuitBreaker(name = "flaky")
		public String call() {
			this.calls.incrementAndGet();
			throw new IllegalStateException("down");
		}

	}

	interface Priced {

		String price();

	}

	static class PricedService implements Priced {

		@Override
		@CircuitBreaker(name = "priced", fallbackMethod = "fallback")
		public String price() {
			throw new IllegalStateException("down");
		}

		String fallback(Throwable failure) {
			return "fallback";
		}

	}

	static class Unannotated {

		public String call() {
			return "ok";
		}

	}

	static class Everything {

		private final AtomicInteger retries = new AtomicInteger();

		int retries() {
			return this.retries.get();
		}

		@Bulkhead(name = "single")
		public String bulkheaded() {
			return "ok";
		}

		@RateLimiter(name = "single")
		public String rateLimited() {
			return "ok";
		}

		@Retry(name = "flaky")
		public String retried() {
			this.retries.incrementAndGet();
			throw new IllegalStateException("down");
		}

		@CircuitBreaker(name = "counted")
		public String broken() {
			throw new IllegalStateException("down");
		}

		@TimeLimiter(name = "async")
		public CompletableFuture<String> timeLimited() {
			return CompletableFuture.completedFuture("ok");
		}

	}

}
