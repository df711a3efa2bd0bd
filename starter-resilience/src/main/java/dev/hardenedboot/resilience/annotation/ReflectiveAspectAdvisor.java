package dev.hardenedboot.resilience.annotation;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.Pointcut;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.aspectj.MethodInvocationProceedingJoinPoint;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.MethodClassKey;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.OrderUtils;
import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;

/**
 * Applies one of resilience4j's aspects to the methods its pointcut,
 * {@code @within(a) || @annotation(a)}, would match, found by reflection instead of AspectJ's
 * weaver: the annotation on the method of the target class, or on the class declaring that
 * method. Which method is looked at follows Spring's {@code AspectJExpressionPointcut}: the
 * most specific method of the target class, except for a JDK proxy's own method (which
 * carries no annotations) and an interface method of a class with several interfaces (which
 * Spring matches through a composite proxy interface): those fall back to the method called.
 * <p>
 * The call itself goes to the aspect bean's around advice, with the annotation AspectJ would
 * bind: the method's, else {@code null}, on which resilience4j reads the annotation from the
 * target's class (or a JDK proxy target's interfaces) as it does behind its AspectJ pointcut.
 * The aspect bean is looked up on first use, as AspectJ's aspect instance factory does, so
 * creating this advisor creates no resilience4j bean.
 */
final class ReflectiveAspectAdvisor extends AbstractPointcutAdvisor {

	private final ResilienceAspectType.Resolved type;

	private final BeanFactory beanFactory;

	private final String aspectBeanName;

	private final Pointcut pointcut = new AnnotatedMethods();

	private final Advice advice = new AspectAdvice();

	/** The method-level annotation of each method and target class, empty when only the class has one. */
	private final Map<MethodClassKey, Optional<Annotation>> methodAnnotations = new ConcurrentHashMap<>();

	@Nullable
	private volatile Object aspect;

	ReflectiveAspectAdvisor(ResilienceAspectType.Resolved type, BeanFactory beanFactory, String aspectBeanName) {
		this.type = type;
		this.beanFactory = beanFactory;
		this.aspectBeanName = aspectBeanName;
	}

	String getAspectBeanName() {
		return this.aspectBeanName;
	}

	Class<? extends Annotation> getAnnotationType() {
		return this.type.annotationType();
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.advice;
	}

	/**
	 * The aspect bean's order ({@code resilience4j.*.*-aspect-order}), which it would have as an
	 * AspectJ aspect too. Asking for it creates the aspect bean, as it does for AspectJ.
	 */
	@Override
	public int getOrder() {
		Object bean = aspect();
		return (bean instanceof Ordered ordered) ? ordered.getOrder()
				: OrderUtils.getOrder(bean.getClass(), Ordered.LOWEST_PRECEDENCE);
	}

	private Object aspect() {
		Object bean = this.aspect;
		if (bean == null) {
			bean = this.beanFactory.getBean(this.aspectBeanName);
			this.aspect = bean;
		}
		return bean;
	}

	private boolean annotated(Method method, Class<?> targetClass) {
		Method matched = matchedMethod(method, targetClass);
		Class<? extends Annotation> annotationType = this.type.annotationType();
		return matched.isAnnotationPresent(annotationType)
				|| matched.getDeclaringClass().isAnnotationPresent(annotationType);
	}

	static Method matchedMethod(Method method, Class<?> targetClass) {
		Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
		Class<?> declaring = specific.getDeclaringClass();
		if (Proxy.isProxyClass(declaring)
				|| (declaring.isInterface() && ClassUtils.getAllInterfacesForClassAsSet(targetClass).size() > 1)) {
			return method;
		}
		return specific;
	}

	@Nullable
	private Annotation methodAnnotation(Method method, Class<?> targetClass) {
		Class<? extends Annotation> annotationType = this.type.annotationType();
		return this.methodAnnotations
			.computeIfAbsent(new MethodClassKey(method, targetClass),
					(key) -> Optional.ofNullable(matchedMethod(method, targetClass).getAnnotation(annotationType)))
			.orElse(null);
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + " for @" + this.type.annotationType().getSimpleName() + " through '"
				+ this.aspectBeanName + "'";
	}

	private final class AnnotatedMethods extends StaticMethodMatcherPointcut {

		AnnotatedMethods() {
			setClassFilter((targetClass) -> AnnotationUtils.isCandidateClass(targetClass, getAnnotationType()));
		}

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return annotated(method, targetClass);
		}

	}

	private final class AspectAdvice implements MethodInterceptor {

		@Override
		@Nullable
		public Object invoke(MethodInvocation invocation) throws Throwable {
			if (!(invocation instanceof ProxyMethodInvocation proxyInvocation)) {
				throw new IllegalStateException("MethodInvocation is not a Spring ProxyMethodInvocation: " + invocation);
			}
			Object target = invocation.getThis();
			Method method = invocation.getMethod();
			Class<?> targetClass = (target != null) ? target.getClass() : method.getDeclaringClass();
			try {
				return ReflectiveAspectAdvisor.this.type.advice()
					.invoke(aspect(), new MethodInvocationProceedingJoinPoint(proxyInvocation),
							methodAnnotation(method, targetClass));
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

	}

}
