package dev.hardenedboot.core.concurrency;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.DeadlineExceededException;
import dev.hardenedboot.core.context.RequestContext;
import dev.hardenedboot.core.propagation.CapturedContext;

/**
 * One fork: a {@link FutureTask} that runs with its request's context (deadline included),
 * MDC, trace context and fork scope bound, and leaves its scope when done.
 */
final class ForkTask<T> extends FutureTask<T> implements Fork<T> {

	private final RequestForkScope scope;

	private final RequestContext context;

	private final CapturedContext captured;

	private final ForkStatistics statistics;

	ForkTask(Callable<T> callable, RequestForkScope scope, RequestContext context, CapturedContext captured,
			ForkStatistics statistics) {
		super(callable);
		this.scope = scope;
		this.context = context;
		this.captured = captured;
		this.statistics = statistics;
	}

	@Override
	public void run() {
		if (isDone()) {
			// Cancelled while queued: its request ended, so it never starts.
			this.statistics.skipped();
			return;
		}
		RequestForkScope previousScope = RequestForkScope.bind(this.scope);
		this.statistics.started();
		try (RequestContext.Scope restored = this.captured.restore()) {
			super.run();
		}
		finally {
			this.statistics.finished();
			RequestForkScope.bind(previousScope);
		}
	}

	@Override
	protected void done() {
		this.scope.unregister(this);
	}

	@Override
	public T join() {
		Deadline deadline = this.context.deadline().orElse(null);
		try {
			return (deadline != null) ? get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS) : get();
		}
		catch (TimeoutException ex) {
			cancel(true);
			throw new DeadlineExceededException(deadline, ex);
		}
		catch (CancellationException ex) {
			if (deadline != null && deadline.isExpired()) {
				throw new DeadlineExceededException(deadline, ex);
			}
			throw ex;
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new CompletionException(cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			cancel(true);
			throw new CancellationException("Interrupted while joining a fork");
		}
	}

	@Override
	public boolean cancel() {
		return cancel(true);
	}

}
