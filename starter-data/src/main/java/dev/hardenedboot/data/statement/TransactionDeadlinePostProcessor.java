package dev.hardenedboot.data.statement;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.transaction.interceptor.TransactionAttributeSource;

/**
 * Wraps the transaction attribute source of {@code @EnableTransactionManagement} in a
 * {@link DeadlineTransactionAttributeSource}. Priority-ordered so that it is registered
 * before the auto-proxy creator looks the source up for the transaction advisor.
 */
class TransactionDeadlinePostProcessor implements BeanPostProcessor, PriorityOrdered {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof TransactionAttributeSource source && !(bean instanceof DeadlineTransactionAttributeSource)) {
			return new DeadlineTransactionAttributeSource(source);
		}
		return bean;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
