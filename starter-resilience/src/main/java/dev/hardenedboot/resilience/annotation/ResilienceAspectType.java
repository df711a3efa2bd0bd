package dev.hardenedboot.resilience.annotation;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;

import org.aspectj.lang.ProceedingJoinPoint;

import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;

/**
 * One of resilience4j's aspects, by name so that an optional module (resilience4j-micrometer's
 * timer) may be absent: the aspect's class, the annotation its pointcut
 * ({@code @within(a) || @annotation(a)}) matches, and its around advice.
 * @param aspectClassName the aspect's class
 * @param annotationClassName the annotation
 * @param adviceMethodName the around advice, taking the join point and the annotation
 */
record ResilienceAspectType(String aspectClassName, String annotationClassName, String adviceMethodName) {

	private static final String SPRING6 = "io.github.resilience4j.spring6.";

	static final List<ResilienceAspectType> ALL = List.of(
			new ResilienceAspectType(SPRING6 + "circuitbreaker.configure.CircuitBreakerAspect",
					"io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker", "circuitBreakerAroundAdvice"),
			new ResilienceAspectType(SPRING6 + "retry.configure.RetryAspect",
					"io.github.resilience4j.retry.annotation.Retry", "retryAroundAdvice"),
			new ResilienceAspectType(SPRING6 + "bulkhead.configure.BulkheadAspect",
					"io.github.resilience4j.bulkhead.annotation.Bulkhead", "bulkheadAroundAdvice"),
			new ResilienceAspectType(SPRING6 + "ratelimiter.configure.RateLimiterAspect",
					"io.github.resilience4j.ratelimiter.annotation.RateLimiter", "rateLimiterAroundAdvice"),
			new ResilienceAspectType(SPRING6 + "timelimiter.configure.TimeLimiterAspect",
					"io.github.resilience4j.timelimiter.annotation.TimeLimiter", "timeLimiterAroundAdvice"),
			new ResilienceAspectType(SPRING6 + "micrometer.configure.TimerAspect",
					"io.github.resilience4j.micrometer.annotation.Timer", "timerAroundAdvice"));

	/**
	 * The classes and the advice method, when the aspect's module is on the class path.
	 * @param classLoader the application's class loader
	 * @return the resolved aspect, or {@code null} when its module is absent
	 */
	@Nullable
	Resolved resolve(@Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(this.aspectClassName, classLoader)
				|| !ClassUtils.isPresent(this.annotationClassName, classLoader)) {
			return null;
		}
		Class<?> aspect = ClassUtils.resolveClassName(this.aspectClassName, classLoader);
		Class<? extends Annotation> annotation = ClassUtils.resolveClassName(this.annotationClassName, classLoader)
			.asSubclass(Annotation.class);
		try {
			return new Resolved(aspect, annotation,
					aspect.getMethod(this.adviceMethodName, ProceedingJoinPoint.class, annotation));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("resilience4j's " + aspect.getSimpleName() + " has no "
					+ this.adviceMethodName + "(ProceedingJoinPoint, " + annotation.getSimpleName()
					+ "): set hardened.resilience.annotations.reflective-matching=false", ex);
		}
	}

	/**
	 * An aspect whose module is present.
	 * @param aspectClass the aspect's class
	 * @param annotationType the annotation its pointcut matches
	 * @param advice its around advice
	 */
	record Resolved(Class<?> aspectClass, Class<? extends Annotation> annotationType, Method advice) {

	}

}
