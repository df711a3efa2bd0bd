package dev.hardenedboot.core.propagation;

import java.lang.reflect.Modifier;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.task.TaskDecorator;

/**
 * When the application declares its own {@link TaskDecorator}, ours is not added as a second
 * bean (with two, Boot applies neither to its executors); instead the application's bean is
 * proxied so that its {@code decorate} runs inside ours. The proxy keeps the bean's class
 * where it can be subclassed, so injection by concrete type still works.
 */
class UserTaskDecoratorComposer implements BeanPostProcessor {

	private final TaskDecorator propagation;

	UserTaskDecoratorComposer(TaskDecorator propagation) {
		this.propagation = propagation;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof TaskDecorator userDecorator) || bean instanceof RequestContextTaskDecorator
				|| AopUtils.isAopProxy(bean)) {
			return bean;
		}
		ProxyFactory proxyFactory = new ProxyFactory(bean);
		proxyFactory.addInterface(TaskDecorator.class);
		Class<?> type = bean.getClass();
		// Lambdas and other hidden classes cannot be subclassed: they get an interface proxy.
		proxyFactory.setProxyTargetClass(!Modifier.isFinal(type.getModifiers()) && !type.isHidden());
		proxyFactory.addAdvice((MethodInterceptor) (invocation) -> {
			if ("decorate".equals(invocation.getMethod().getName()) && invocation.getArguments().length == 1
					&& invocation.getArguments()[0] instanceof Runnable task) {
				return this.propagation.decorate(userDecorator.decorate(task));
			}
			return invocation.proceed();
		});
		return proxyFactory.getProxy(type.getClassLoader());
	}

}
