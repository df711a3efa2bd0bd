package dev.hardenedboot.data.statement;

import java.lang.reflect.Method;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.DeadlineTimeouts;

import org.springframework.lang.Nullable;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DelegatingTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;

/**
 * Gives every {@code @Transactional} method without an explicit timeout the remaining
 * request deadline as its timeout, read when the transaction begins. Outside a request, or
 * with an explicit timeout, the attribute is unchanged. A transaction that would begin after
 * the deadline does not begin: the request ends in 504.
 */
class DeadlineTransactionAttributeSource implements TransactionAttributeSource {

	private final TransactionAttributeSource delegate;

	DeadlineTransactionAttributeSource(TransactionAttributeSource delegate) {
		this.delegate = delegate;
	}

	@Override
	public boolean isCandidateClass(Class<?> targetClass) {
		return this.delegate.isCandidateClass(targetClass);
	}

	@Override
	public boolean hasTransactionAttribute(Method method, @Nullable Class<?> targetClass) {
		return this.delegate.hasTransactionAttribute(method, targetClass);
	}

	@Override
	@Nullable
	public TransactionAttribute getTransactionAttribute(Method method, @Nullable Class<?> targetClass) {
		TransactionAttribute attribute = this.delegate.getTransactionAttribute(method, targetClass);
		if (attribute == null || attribute.getTimeout() != TransactionDefinition.TIMEOUT_DEFAULT
				|| Deadline.current().isEmpty()) {
			return attribute;
		}
		return new DeadlineBoundAttribute(attribute);
	}

	private static final class DeadlineBoundAttribute extends DelegatingTransactionAttribute {

		DeadlineBoundAttribute(TransactionAttribute attribute) {
			super(attribute);
		}

		@Override
		public int getTimeout() {
			return DeadlineTimeouts.seconds(0);
		}

	}

}
