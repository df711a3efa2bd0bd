package dev.hardenedboot.observability.health;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Runs another {@link HealthIndicator} on the {@link HealthCheckExecutor} with a time limit,
 * at most one check in flight (a probe that arrives while one runs waits on that one), and
 * a short reuse of the last result.
 */
final class BoundedHealthIndicator implements HealthIndicator {

	private final HealthIndicator delegate;

	private final HealthCheckExecutor executor;

	private final AtomicReference<Check> current = new AtomicReference<>();

	BoundedHealthIndicator(HealthIndicator delegate, HealthCheckExecutor executor) {
		this.delegate = delegate;
		this.executor = executor;
	}

	HealthIndicator getDelegate() {
		return this.delegate;
	}

	@Override
	public Health health() {
		return getHealth(true);
	}

	@Override
	public Health getHealth(boolean includeDetails) {
		Health health = await(start());
		return includeDetails ? health : Health.status(health.getStatus()).build();
	}

	/**
	 * The check a probe arriving now shares: the one in flight, a finished one still fresh,
	 * or a new one.
	 * @return the check
	 */
	Check start() {
		while (true) {
			Check check = this.current.get();
			long now = System.nanoTime();
			if (check != null && !check.isStale(now, this.executor.getCacheTtl(), this.executor.getTimeout())) {
				return check;
			}
			Check next = new Check(now);
			if (this.current.compareAndSet(check, next)) {
				next.run(this.delegate, this.executor);
				return next;
			}
		}
	}

	private Health await(Check check) {
		Duration timeout = this.executor.getTimeout();
		// A probe that joins a check already running waits only for what is left of its
		// limit: a hung dependency answers "timeout" at once, not after another full limit.
		long remaining = timeout.toNanos() - (System.nanoTime() - check.startedAt);
		try {
			return check.result.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return Health.down().withDetail("error", "timeout").withDetail("timeout", timeout.toMillis() + "ms").build();
		}
		catch (ExecutionException ex) {
			return Health.down(ex.getCause()).build();
		}
		catch (CancellationException ex) {
			return Health.down(ex).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down(ex).build();
		}
	}

	static final class Check {

		final long startedAt;

		final CompletableFuture<Health> result = new CompletableFuture<>();

		private volatile long finishedAt;

		Check(long startedAt) {
			this.startedAt = startedAt;
		}

		void run(HealthIndicator indicator, HealthCheckExecutor executor) {
			try {
				executor.execute(() -> {
					try {
						complete(indicator.health(), null);
					}
					catch (Throwable ex) {
						complete(null, ex);
					}
				});
			}
			catch (RejectedExecutionException ex) {
				complete(null, ex);
			}
		}

		private void complete(Health health, Throwable failure) {
			this.finishedAt = System.nanoTime();
			if (failure != null) {
				this.result.completeExceptionally(failure);
			}
			else {
				this.result.complete(health);
			}
		}

		/**
		 * Whether a new check is due. A result is reused for the cache TTL after it came in,
		 * and within the time limit of its start whatever the TTL: the members of a group are
		 * started together and read one after another, so the last one read may be read up
		 * to a time limit after its check started, and it must not start a second check.
		 */
		boolean isStale(long now, Duration cacheTtl, Duration timeout) {
			return this.result.isDone() && now - this.finishedAt >= cacheTtl.toNanos()
					&& now - this.startedAt >= timeout.toNanos();
		}

	}

}
