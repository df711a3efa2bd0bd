package dev.hardenedboot.observability.health;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;

/**
 * Puts bounds around Boot's health contributor registry, and so around every indicator in
 * the context: Boot's, the other starters' and the application's. Wrapping the registry
 * rather than each indicator bean keeps the beans' own types, so nothing injected by type
 * breaks.
 */
class BoundedHealthContributorRegistryPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<HealthCheckExecutor> executor;

	BoundedHealthContributorRegistryPostProcessor(ObjectProvider<HealthCheckExecutor> executor) {
		this.executor = executor;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HealthContributorRegistry registry && !(bean instanceof BoundedHealthContributorRegistry)) {
			return new BoundedHealthContributorRegistry(registry, this.executor.getObject());
		}
		return bean;
	}

}
