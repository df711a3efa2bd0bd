package dev.hardenedboot.resilience.circuitbreaker;

import java.util.function.Predicate;

/**
 * Whether a retry may repeat a failed call: not when the failure was the caller's (see
 * {@link ClientErrorPredicate}). Installed as resilience4j's {@code retry-exception-predicate}
 * of every retry.
 */
public class RetryableFailurePredicate implements Predicate<Throwable> {

	private final ClientErrorPredicate clientError = new ClientErrorPredicate();

	@Override
	public boolean test(Throwable failure) {
		return !this.clientError.test(failure);
	}

}
