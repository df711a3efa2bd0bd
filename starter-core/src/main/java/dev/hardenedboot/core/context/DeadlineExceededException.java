package dev.hardenedboot.core.context;

import java.time.Duration;

/**
 * The request's deadline passed: thrown by {@link Deadline#throwIfExpired()} and by the
 * integrations when a call they bounded by the deadline timed out. Ends the request in 504
 * {@code application/problem+json} with code {@code REQUEST_TIMEOUT} when the response is
 * not yet committed.
 */
public class DeadlineExceededException extends RuntimeException {

	private final Duration budget;

	public DeadlineExceededException(Deadline deadline) {
		this(deadline, null);
	}

	public DeadlineExceededException(Deadline deadline, Throwable cause) {
		super("The request's deadline of " + deadline.budget().toMillis() + " ms has passed", cause);
		this.budget = deadline.budget();
	}

	/**
	 * The budget of the deadline that passed.
	 * @return the budget
	 */
	public Duration getBudget() {
		return this.budget;
	}

}
