package dev.hardenedboot.core.concurrency;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.hardenedboot.core.context.Deadline;

import org.springframework.lang.Nullable;

/**
 * The forks of one request. Closing it, when the request ends or its deadline passes,
 * cancels every fork: running ones are interrupted, queued ones never start, and later
 * forks are born cancelled.
 */
final class RequestForkScope {

	private static final ThreadLocal<RequestForkScope> current = new ThreadLocal<>();

	/** Created on the first fork: most requests fork nothing and should pay nothing. */
	@Nullable
	private volatile Set<ForkTask<?>> live;

	private volatile boolean closed;

	@Nullable
	private ScheduledFuture<?> deadlineTimer;

	@Nullable
	static RequestForkScope current() {
		return current.get();
	}

	/**
	 * Binds {@code scope} to the calling thread.
	 * @return the scope bound before, to restore
	 */
	@Nullable
	static RequestForkScope bind(@Nullable RequestForkScope scope) {
		RequestForkScope previous = current.get();
		if (scope == null) {
			current.remove();
		}
		else {
			current.set(scope);
		}
		return previous;
	}

	boolean isClosed() {
		return this.closed;
	}

	/**
	 * Adds a fork, unless the scope is already closed.
	 * @return whether the fork may run
	 */
	boolean register(ForkTask<?> fork) {
		Set<ForkTask<?>> forks = liveForks();
		forks.add(fork);
		if (this.closed) {
			// Closed meanwhile: close() may have missed this fork, so cancel it here.
			forks.remove(fork);
			return false;
		}
		return true;
	}

	void unregister(ForkTask<?> fork) {
		Set<ForkTask<?>> forks = this.live;
		if (forks != null) {
			forks.remove(fork);
		}
	}

	private Set<ForkTask<?>> liveForks() {
		Set<ForkTask<?>> forks = this.live;
		if (forks == null) {
			synchronized (this) {
				forks = this.live;
				if (forks == null) {
					forks = ConcurrentHashMap.newKeySet();
					this.live = forks;
				}
			}
		}
		return forks;
	}

	/**
	 * Closes the scope when the deadline passes, in case the request is still running
	 * without joining its forks.
	 */
	synchronized void closeAt(Deadline deadline, ScheduledExecutorService timer) {
		if (this.deadlineTimer == null && !this.closed) {
			this.deadlineTimer = timer.schedule(this::close, deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
		}
	}

	void close() {
		this.closed = true;
		synchronized (this) {
			if (this.deadlineTimer != null) {
				this.deadlineTimer.cancel(false);
			}
		}
		Set<ForkTask<?>> forks = this.live;
		if (forks != null) {
			for (ForkTask<?> fork : forks) {
				fork.cancel(true);
			}
			forks.clear();
		}
	}

}
