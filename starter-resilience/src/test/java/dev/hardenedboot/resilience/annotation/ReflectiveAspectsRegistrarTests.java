package dev.hardenedboot.resilience.annotation;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.micrometer.TimerRegistry;
import io.github.resilience4j.micrometer.annotation.Timer;
import io.github.resilience4j.spring6.circuitbreaker.configure.CircuitBreakerAspect;
import io.github.resilience4j.spring6.circuitbreaker.configure.CircuitBreakerAspectExt;
import io.github.resilience4j.spring6.circuitbreaker.configure.CircuitBreakerConfigurationProperties;
import io.github.resilience4j.spring6.fallback.FallbackExecutor;
import io.github.resilience4j.spring6.spelresolver.SpelResolver;
import io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadAutoConfiguration;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.micrometer.autoconfigure.TimerAutoConfiguration;
import io.github.resilience4j.springboot3.ratelimiter.autoconfigure.RateLimiterAutoConfiguration;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.junit.jupiter.api.Test;

import org.springframework.aop.Advisor;
import org.springframework.aop.aspectj.AspectJPrecedenceInformation;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.ManagedList;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ReflectiveAspectsRegistrarTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, CircuitBreakerAutoConfiguration.class,
				RetryAutoConfiguration.class, BulkheadAutoConfiguration.class, RateLimiterAutoConfiguration.class,
				TimeLimiterAutoConfiguration.class, ResilienceAnnotationsAutoConfiguration.class));

	@Test
	void onByDefaultOneAdvisorPerResilience4jAspectAndNoAspectJAdvisorFromThem() {
		this.runner.withUserConfiguration(AnnotatedConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(ReflectiveAspectsRegistrar.class);
			assertThat(context.getBeansOfType(ReflectiveAspectAdvisor.class).values())
				.extracting(ReflectiveAspectAdvisor::getAspectBeanName)
				.containsExactlyInAnyOrder("circuitBreakerAspect", "retryAspect", "bulkheadAspect", "rateLimiterAspect",
						"timeLimiterAspect");
			Object annotated = context.getBean(Annotated.class);
			assertThat(AopUtils.isAopProxy(annotated)).isTrue();
			assertThat(((Advised) annotated).getAdvisors()).singleElement().isInstanceOf(ReflectiveAspectAdvisor.class);
			assertThat(context.getBean(ResilienceAnnotationsProperties.class).isReflectiveMatching()).isTrue();
		});
	}

	@Test
	void resilience4jsTimerIsMatchedByReflectionToo() {
		this.runner.withConfiguration(AutoConfigurations.of(TimerAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withUserConfiguration(TimedConfiguration.class)
			.run((context) -> {
				assertThat(context.getBeansOfType(ReflectiveAspectAdvisor.class).values())
					.extracting(ReflectiveAspectAdvisor::getAspectBeanName)
					.contains("timerAspect");
				AtomicInteger timed = new AtomicInteger();
				context.getBean(TimerRegistry.class)
					.timer("timed")
					.getEventPublisher()
					.onSuccess((event) -> timed.incrementAndGet());
				Timed bean = context.getBean(Timed.class);
				assertThat(((Advised) bean).getAdvisors()).singleElement().isInstanceOf(ReflectiveAspectAdvisor.class);
				assertThat(bean.call()).isEqualTo("timed");
				assertThat(timed.get()).isOne();
			});
	}

	@Test
	void offBySwitchResilience4jAspectsGoThroughAspectJAsBefore() {
		this.runner.withUserConfiguration(AnnotatedConfiguration.class)
			.withPropertyValues("hardened.resilience.annotations.reflective-matching=false")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(ReflectiveAspectsRegistrar.class);
				assertThat(context.getBeansOfType(ReflectiveAspectAdvisor.class)).isEmpty();
				assertThat(aspectJAdvisors(context.getBean(Annotated.class))).hasSize(1);
			});
	}

	@Test
	void absentWhenSpringAopAutoIsOff() {
		this.runner.withPropertyValues("spring.aop.auto=false")
			.withUserConfiguration(UnannotatedConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(ReflectiveAspectsRegistrar.class));
	}

	@Test
	void absentWithoutAspectJ() {
		this.runner.withClassLoader(new FilteredClassLoader(ProceedingJoinPoint.class))
			.withUserConfiguration(UnannotatedConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(ReflectiveAspectsRegistrar.class));
	}

	@Test
	void absentWithoutResilience4jsAspects() {
		this.runner.withClassLoader(new FilteredClassLoader(CircuitBreakerAspect.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ReflectiveAspectsRegistrar.class));
	}

	@Test
	void aUserAspectIsStillAppliedThroughAspectJ() {
		this.runner.withUserConfiguration(AnnotatedConfiguration.class, UserAspectConfiguration.class).run((context) -> {
			Annotated annotated = context.getBean(Annotated.class);
			assertThat(annotated.call()).isEqualTo("called");
			assertThat(context.getBean(CountingAspect.class).calls.get()).isOne();
			assertThat(aspectJAdvisors(annotated)).hasSize(1);
			assertThat(((Advised) annotated).getAdvisors()).hasAtLeastOneElementOfType(ReflectiveAspectAdvisor.class);
		});
	}

	@Test
	void aUserSubclassOfAResilience4jAspectIsLeftToAspectJAndAppliedOnce() {
		this.runner.withUserConfiguration(AnnotatedConfiguration.class, SubclassedAspectConfiguration.class)
			.run((context) -> {
				assertThat(context.getBeansOfType(ReflectiveAspectAdvisor.class).values())
					.extracting(ReflectiveAspectAdvisor::getAspectBeanName)
					.doesNotContain("circuitBreakerAspect", "userCircuitBreakerAspect");
				Annotated annotated = context.getBean(Annotated.class);
				assertThat(((Advised) annotated).getAdvisors()).noneMatch(ReflectiveAspectAdvisor.class::isInstance);
				assertThat(aspectJAdvisors(annotated)).hasSize(1);
				annotated.call();
				assertThat(context.getBean(UserCircuitBreakerAspect.class).calls.get()).isOne();
			});
	}

	@Test
	void includePatternsAlreadySetAreNarrowedNotReplaced() {
		this.runner
			.withUserConfiguration(AnnotatedConfiguration.class, UserAspectConfiguration.class,
					IncludePatternsConfiguration.class)
			.run((context) -> {
				Annotated annotated = context.getBean(Annotated.class);
				annotated.call();
				// The user's pattern leaves their aspect out, and resilience4j's to the advisors.
				assertThat(context.getBean(CountingAspect.class).calls.get()).isZero();
				assertThat(((Advised) annotated).getAdvisors()).singleElement()
					.isInstanceOf(ReflectiveAspectAdvisor.class);
			});
	}

	@Test
	void aPatternExcludesExactlyTheNamedBeans() {
		List<String> patterns = ReflectiveAspectsRegistrar.excluding(List.of(), List.of("retryAspect", "a.b"));
		assertThat(matches(patterns, "retryAspect")).isFalse();
		assertThat(matches(patterns, "a.b")).isFalse();
		assertThat(matches(patterns, "aXb")).isTrue();
		assertThat(matches(patterns, "retryAspectOfMine")).isTrue();
		List<String> narrowed = ReflectiveAspectsRegistrar.excluding(List.of("my.*", "retry.*"), List.of("retryAspect"));
		assertThat(matches(narrowed, "myAspect")).isTrue();
		assertThat(matches(narrowed, "retryAspect")).isFalse();
		assertThat(matches(narrowed, "retryOther")).isTrue();
		assertThat(matches(narrowed, "other")).isFalse();
	}

	private static boolean matches(List<String> patterns, String beanName) {
		return patterns.stream().anyMatch((pattern) -> Pattern.compile(pattern).matcher(beanName).matches());
	}

	private static List<Advisor> aspectJAdvisors(Object bean) {
		return List.of(((Advised) bean).getAdvisors())
			.stream()
			.filter(AspectJPrecedenceInformation.class::isInstance)
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class AnnotatedConfiguration {

		@Bean
		Annotated annotated() {
			return new Annotated();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TimedConfiguration {

		@Bean
		Timed timed() {
			return new Timed();
		}

	}

	static class Timed {

		@Timer(name = "timed")
		public String call() {
			return "timed";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnannotatedConfiguration {

		@Bean
		Object unannotated() {
			return new Object();
		}

	}

	static class Annotated {

		@CircuitBreaker(name = "annotated")
		public String call() {
			return "called";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserAspectConfiguration {

		@Bean
		CountingAspect countingAspect() {
			return new CountingAspect();
		}

	}

	@Aspect
	static class CountingAspect {

		final AtomicInteger calls = new AtomicInteger();

		@Around("execution(* dev.hardenedboot.resilience.annotation.ReflectiveAspectsRegistrarTests.Annotated.*(..))")
		Object count(ProceedingJoinPoint joinPoint) throws Throwable {
			this.calls.incrementAndGet();
			return joinPoint.proceed();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SubclassedAspectConfiguration {

		@Bean
		UserCircuitBreakerAspect userCircuitBreakerAspect(CircuitBreakerConfigurationProperties properties,
				CircuitBreakerRegistry registry, FallbackExecutor fallbackExecutor, SpelResolver spelResolver) {
			return new UserCircuitBreakerAspect(properties, registry, List.of(), fallbackExecutor, spelResolver);
		}

	}

	@Aspect
	static class UserCircuitBreakerAspect extends CircuitBreakerAspect {

		final AtomicInteger calls = new AtomicInteger();

		UserCircuitBreakerAspect(CircuitBreakerConfigurationProperties properties, CircuitBreakerRegistry registry,
				List<CircuitBreakerAspectExt> extensions, FallbackExecutor fallbackExecutor, SpelResolver spelResolver) {
			super(properties, registry, extensions, fallbackExecutor, spelResolver);
		}

		@Override
		public Object circuitBreakerAroundAdvice(ProceedingJoinPoint joinPoint, CircuitBreaker annotation)
				throws Throwable {
			this.calls.incrementAndGet();
			return super.circuitBreakerAroundAdvice(joinPoint, annotation);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class IncludePatternsConfiguration {

		@Bean
		static BeanDefinitionRegistryPostProcessor includeOnlyResilience4jAspects() {
			return new BeanDefinitionRegistryPostProcessor() {

				@Override
				public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
					ManagedList<String> patterns = new ManagedList<>();
					patterns.add("circuitBreaker.*");
					patterns.add("retry.*");
					registry.getBeanDefinition(AopConfigUtils.AUTO_PROXY_CREATOR_BEAN_NAME)
						.getPropertyValues()
						.add(ReflectiveAspectsRegistrar.INCLUDE_PATTERNS, patterns);
				}

			};
		}

	}

}
