package dev.hardenedboot.core.concurrency;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

import dev.hardenedboot.core.context.DeadlineExceededException;

/**
 * A task forked from a request with {@link RequestExecutor}: it runs with the request's
 * context and deadline, and is cancelled (interrupted) when the request ends or times out.
 *
 * @param <T> the result type
 */
public interface Fork<T> {

	/**
	 * Waits for the result, at most until the request's deadline.
	 * @return the task's result
	 * @throws DeadlineExceededException when the deadline passes first; the fork is cancelled
	 * @throws CancellationException when the fork was cancelled, or its request ended before
	 * it could start
	 * @throws CompletionException wrapping a checked exception the task threw; unchecked
	 * exceptions are rethrown as they are
	 */
	T join();

	/**
	 * Whether the task finished, failed or was cancelled.
	 * @return whether the fork is done
	 */
	boolean isDone();

	/**
	 * Cancels the task, interrupting it if it runs.
	 * @return whether this call cancelled it
	 */
	boolean cancel();

}
