package dev.hardenedboot.resilience.annotation;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import io.github.resilience4j.bulkhead.annotation.Bulkhead;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.ratelimiter.annotation.RateLimiter;
import io.github.resilience4j.retry.annotation.Retry;
import io.github.resilience4j.spring6.fallback.FallbackMethod;
import io.github.resilience4j.timelimiter.annotation.TimeLimiter;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Checks every bean's resilience4j annotations at start-up, so that what resilience4j would
 * only find at run time (when the dependency already fails) stops start-up instead:
 * <ul>
 * <li>a {@code fallbackMethod} that resolves to no method: resilience4j logs it and runs the
 * call without a fallback;</li>
 * <li>{@code @TimeLimiter} on a method that returns no {@code CompletionStage} (or reactive
 * type): resilience4j can only time out a call it does not wait for;</li>
 * <li>an annotated singleton that is not an AOP proxy, whose annotations nothing reads.</li>
 * </ul>
 * Fallbacks are resolved by resilience4j's own {@link FallbackMethod}, so the check and the
 * run time agree on what matches.
 */
class ResilienceAnnotationChecker implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware {

	private static final List<Class<? extends Annotation>> ANNOTATIONS = List.of(CircuitBreaker.class, Retry.class,
			Bulkhead.class, RateLimiter.class, TimeLimiter.class);

	private static final Set<Class<? extends Annotation>> ANNOTATION_SET = Set.copyOf(ANNOTATIONS);

	private final List<InvalidResilienceAnnotationException.Problem> problems = new ArrayList<>();

	/** Singletons with annotated methods, by bean name, and one such method to name. */
	private final Map<String, Method> annotatedBeans = new LinkedHashMap<>();

	private final ResilienceAnnotations found;

	@Nullable
	private ConfigurableListableBeanFactory beanFactory;

	ResilienceAnnotationChecker(ResilienceAnnotations found) {
		this.found = found;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		if (beanFactory instanceof ConfigurableListableBeanFactory listable) {
			this.beanFactory = listable;
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (!AnnotationUtils.isCandidateClass(targetClass, ANNOTATION_SET)) {
			return bean;
		}
		Object target = AopProxyUtils.getSingletonTarget(bean);
		Object original = (target != null) ? target : bean;
		Class<?> userClass = ClassUtils.getUserClass(targetClass);
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(userClass, ReflectionUtils.USER_DECLARED_METHODS)) {
			boolean annotated = false;
			for (Class<? extends Annotation> type : ANNOTATIONS) {
				Annotation annotation = find(method, userClass, type);
				if (annotation != null) {
					annotated = true;
					check(userClass, method, annotation, original);
					if (annotation instanceof Retry retry) {
						this.found.retry(retry.name(), retry.configuration());
					}
				}
			}
			if (annotated) {
				this.annotatedBeans.putIfAbsent(beanName, method);
				this.found.annotated(describe(userClass, method));
			}
		}
		return bean;
	}

	/**
	 * The annotation on the method, else on its class for a method a proxy intercepts.
	 */
	@Nullable
	private static Annotation find(Method method, Class<?> userClass, Class<? extends Annotation> type) {
		Annotation onMethod = AnnotatedElementUtils.findMergedAnnotation(method, type);
		if (onMethod != null) {
			return onMethod;
		}
		if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())) {
			return AnnotatedElementUtils.findMergedAnnotation(userClass, type);
		}
		return null;
	}

	private void check(Class<?> userClass, Method method, Annotation annotation, Object original) {
		if (annotation instanceof TimeLimiter && !isAsynchronous(method.getReturnType())) {
			addProblem(userClass, method, annotation,
					"@TimeLimiter on " + describe(userClass, method) + ", which returns "
							+ method.getReturnType().getSimpleName()
							+ ": a time limiter can only time out a call whose caller does not wait for it.",
					"Return a CompletionStage (CompletableFuture) from " + method.getName()
							+ ", or remove @TimeLimiter and rely on the request's deadline and the client's "
							+ "read timeout.");
		}
		String fallback = (String) AnnotationUtils.getValue(annotation, "fallbackMethod");
		if (fallback == null || fallback.isEmpty()) {
			return;
		}
		String described = describeAnnotation(annotation) + " on " + describe(userClass, method);
		if (fallback.contains("#")) {
			// A SpEL expression, resolved per call.
			this.found.resolvedPerCall(described);
			return;
		}
		try {
			FallbackMethod.create(fallback, method, new Object[method.getParameterCount()], original, original);
			this.found.resolved(described);
		}
		catch (NoSuchMethodException ex) {
			addProblem(userClass, method, annotation,
					"The fallback method '" + fallback + "' of " + describeAnnotation(annotation) + " on "
							+ describe(userClass, method) + " does not exist with a matching signature.",
					"Declare the fallback in " + userClass.getName() + " as " + expectedSignature(method, fallback)
							+ " (the Throwable may be any exception type it handles; a fallback taking only "
							+ "the Throwable also matches), or correct the name in fallbackMethod.");
		}
	}

	private static boolean isAsynchronous(Class<?> returnType) {
		String name = returnType.getName();
		return CompletionStage.class.isAssignableFrom(returnType) || name.startsWith("reactor.core.publisher.")
				|| name.startsWith("io.reactivex.");
	}

	private void addProblem(Class<?> userClass, Method method, Annotation annotation, String description,
			String action) {
		this.problems.add(new InvalidResilienceAnnotationException.Problem(userClass.getName(),
				methodSignature(method), describeAnnotation(annotation), description, action));
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.beanFactory != null) {
			this.annotatedBeans.forEach((beanName, method) -> {
				if (this.beanFactory.containsSingleton(beanName)
						&& !AopUtils.isAopProxy(this.beanFactory.getSingleton(beanName))) {
					Class<?> userClass = ClassUtils.getUserClass(method.getDeclaringClass());
					this.problems.add(new InvalidResilienceAnnotationException.Problem(userClass.getName(),
							methodSignature(method), "resilience4j annotations",
							"The bean '" + beanName + "' has resilience4j annotations (" + describe(userClass, method)
									+ ") but is not an AOP proxy, so they are ignored.",
							"Keep spring-boot-starter-aop (which Hardened Boot brings) and spring.aop.auto=true, "
									+ "and annotate public, non-final methods: a proxy intercepts only those."));
				}
			});
		}
		this.annotatedBeans.clear();
		if (!this.problems.isEmpty()) {
			InvalidResilienceAnnotationException failure = new InvalidResilienceAnnotationException(this.problems);
			this.problems.clear();
			throw failure;
		}
	}

	static String expectedSignature(Method method, String fallback) {
		String parameters = Arrays.stream(method.getParameters())
			.map((parameter) -> parameter.getType().getSimpleName() + " " + parameter.getName())
			.collect(Collectors.joining(", "));
		return method.getReturnType().getSimpleName() + " " + fallback + "(" + parameters
				+ (parameters.isEmpty() ? "" : ", ") + "Throwable failure)";
	}

	private static String describe(Class<?> userClass, Method method) {
		return userClass.getName() + "." + methodSignature(method);
	}

	private static String methodSignature(Method method) {
		return method.getName() + "(" + Arrays.stream(method.getParameterTypes())
			.map(Class::getSimpleName)
			.collect(Collectors.joining(", ")) + ")";
	}

	private static String describeAnnotation(Annotation annotation) {
		Object name = AnnotationUtils.getValue(annotation, "name");
		return "@" + annotation.annotationType().getSimpleName() + "(name = \"" + name + "\")";
	}

}
