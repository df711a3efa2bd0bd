package dev.hardenedboot.data.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import dev.hardenedboot.core.context.RequestContext;

import org.springframework.lang.Nullable;

/**
 * Keeps the connections one HikariCP pool has lent and not yet taken back, so that a
 * {@link ConnectionLeakDetector} can report those held past the leak threshold.
 * <p>
 * Hikari's own leak detection creates an {@code Exception} at every borrow to keep the
 * stack that took the connection; in a Spring MVC request that is about 150 frames, and
 * one of the largest costs of a one-query request. This tracker records the thread, the request
 * context and the time instead, and records the stack only once its pool has leaked a
 * connection. The only borrow and return hook Hikari offers is its metrics tracker, so the
 * tracker is installed as the pool's {@link MetricsTrackerFactory} and forwards every call to
 * the pool's real metrics once a meter registry exists ({@link #forwardTo}).
 * <p>
 * Hikari tells the tracker how long a returned connection was held, not which one it was,
 * and calls it on the returning thread: a return ends that thread's own borrow, or the borrow
 * whose held time is closest ({@link #match}). On a timed-out borrow Hikari reports an
 * acquisition followed by a timeout on the same thread, and the timeout withdraws it.
 */
final class BorrowTracker implements IMetricsTracker {

	private static final IMetricsTracker NO_METRICS = new IMetricsTracker() {
	};

	private final String name;

	private final Set<Borrow> outstanding = ConcurrentHashMap.newKeySet();

	private final AtomicLong leaks = new AtomicLong();

	private volatile long thresholdNanos;

	private volatile boolean recordSites;

	private volatile IMetricsTracker metrics = NO_METRICS;

	@Nullable
	private volatile PoolStarted started;

	@Nullable
	private volatile MetricsTrackerFactory metricsFactory;

	private volatile boolean closed;

	BorrowTracker(String name) {
		this.name = name;
	}

	/**
	 * The factory to set on the pool before it starts.
	 * @return a factory that hands the pool this tracker
	 */
	MetricsTrackerFactory factory() {
		return this::poolStarted;
	}

	// Synchronized with forwardTo: the pool may start while the registry binds, and one of
	// the two must see the other's state.
	private synchronized IMetricsTracker poolStarted(String poolName, PoolStats poolStats) {
		this.started = new PoolStarted(poolName, poolStats);
		MetricsTrackerFactory factory = this.metricsFactory;
		if (factory != null) {
			this.metrics = factory.create(poolName, poolStats);
		}
		return this;
	}

	/**
	 * Forwards every call Hikari makes to a tracker of {@code factory}, the one the pool would
	 * have been given without this tracker. Like Hikari's own factory setting, only the first
	 * call counts.
	 * @param factory the pool's metrics tracker factory
	 */
	synchronized void forwardTo(MetricsTrackerFactory factory) {
		if (this.metricsFactory != null) {
			return;
		}
		this.metricsFactory = factory;
		PoolStarted pool = this.started;
		if (pool != null) {
			this.metrics = factory.create(pool.name(), pool.stats());
		}
	}

	String name() {
		return this.name;
	}

	/**
	 * Sets how long a connection may be held before it is reported; zero stops tracking.
	 * @param threshold the leak threshold
	 */
	void threshold(Duration threshold) {
		this.thresholdNanos = Math.max(0, threshold.toNanos());
	}

	Duration threshold() {
		return Duration.ofNanos(this.thresholdNanos);
	}

	boolean isRecordingSites() {
		return this.recordSites;
	}

	long leaks() {
		return this.leaks.get();
	}

	boolean isClosed() {
		return this.closed;
	}

	int outstanding() {
		return this.outstanding.size();
	}

	@Override
	public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
		this.metrics.recordConnectionAcquiredNanos(elapsedAcquiredNanos);
		if (this.thresholdNanos > 0) {
			ConnectionLeakTrace site = this.recordSites ? ConnectionLeakTrace.borrowSite() : null;
			this.outstanding.add(new Borrow(Thread.currentThread(), System.nanoTime(), RequestContext.currentOrNull(),
					site));
		}
	}

	@Override
	public void recordConnectionUsageMillis(long elapsedBorrowedMillis) {
		this.metrics.recordConnectionUsageMillis(elapsedBorrowedMillis);
		if (this.outstanding.isEmpty()) {
			return;
		}
		Borrow returned = match(elapsedBorrowedMillis, System.nanoTime());
		if (returned != null && this.outstanding.remove(returned) && returned.isReported()) {
			ConnectionLeakDetector.returned(this, returned, elapsedBorrowedMillis);
		}
	}

	@Override
	public void recordConnectionTimeout() {
		this.metrics.recordConnectionTimeout();
		if (this.thresholdNanos <= 0) {
			// Not tracked: the acquisition Hikari recorded just before added no borrow.
			return;
		}
		// Hikari recorded the failed borrow as an acquisition just before, on this thread.
		Thread thread = Thread.currentThread();
		Borrow latest = null;
		for (Borrow borrow : this.outstanding) {
			if (borrow.thread() == thread && (latest == null || borrow.borrowedNanos() - latest.borrowedNanos() > 0)) {
				latest = borrow;
			}
		}
		if (latest != null) {
			this.outstanding.remove(latest);
		}
	}

	@Override
	public void recordConnectionCreatedMillis(long connectionCreatedMillis) {
		this.metrics.recordConnectionCreatedMillis(connectionCreatedMillis);
	}

	@Override
	public void close() {
		this.closed = true;
		this.outstanding.clear();
		this.metrics.close();
	}

	/**
	 * The borrows held past the threshold and not yet reported, now marked as reported. From
	 * the first of them on, every borrow records its stack.
	 * @param now the current {@link System#nanoTime()}
	 * @return the newly overdue borrows
	 */
	List<Borrow> overdue(long now) {
		long threshold = this.thresholdNanos;
		if (threshold <= 0 || this.outstanding.isEmpty()) {
			return List.of();
		}
		List<Borrow> overdue = new ArrayList<>(0);
		for (Borrow borrow : this.outstanding) {
			if (now - borrow.borrowedNanos() >= threshold && borrow.markReported()) {
				overdue.add(borrow);
			}
		}
		if (!overdue.isEmpty()) {
			this.leaks.addAndGet(overdue.size());
			this.recordSites = true;
		}
		return overdue;
	}

	/**
	 * The borrow a return ends: the returning thread's own borrow if it has one (the one whose
	 * held time is closest, when it holds several), otherwise the borrow of any thread whose
	 * held time is closest. Held times are only compared, never required to agree: on a busy
	 * machine a thread can be descheduled for milliseconds between Hikari's clock reading and
	 * ours. Every return ends one borrow, so the borrows kept never outnumber the connections
	 * lent; at worst a connection handed to another thread and closed there is taken for
	 * another one that thread holds.
	 */
	@Nullable
	private Borrow match(long heldMillis, long now) {
		Thread thread = Thread.currentThread();
		Borrow best = null;
		boolean bestOwn = false;
		long bestDistance = Long.MAX_VALUE;
		for (Borrow borrow : this.outstanding) {
			boolean own = borrow.thread() == thread;
			if (bestOwn && !own) {
				continue;
			}
			long distance = Math.abs(TimeUnit.NANOSECONDS.toMillis(now - borrow.borrowedNanos()) - heldMillis);
			if (best == null || (own && !bestOwn) || distance < bestDistance) {
				best = borrow;
				bestOwn = own;
				bestDistance = distance;
			}
		}
		return best;
	}

	private record PoolStarted(String name, PoolStats stats) {
	}

	/**
	 * One connection lent and not yet returned.
	 */
	static final class Borrow {

		private final Thread thread;

		private final long borrowedNanos;

		@Nullable
		private final RequestContext context;

		@Nullable
		private final ConnectionLeakTrace site;

		private volatile boolean reported;

		Borrow(Thread thread, long borrowedNanos, @Nullable RequestContext context,
				@Nullable ConnectionLeakTrace site) {
			this.thread = thread;
			this.borrowedNanos = borrowedNanos;
			this.context = context;
			this.site = site;
		}

		Thread thread() {
			return this.thread;
		}

		long borrowedNanos() {
			return this.borrowedNanos;
		}

		@Nullable
		RequestContext context() {
			return this.context;
		}

		@Nullable
		ConnectionLeakTrace site() {
			return this.site;
		}

		boolean isReported() {
			return this.reported;
		}

		// Only the detector's one sweeping thread reports.
		private boolean markReported() {
			if (this.reported) {
				return false;
			}
			this.reported = true;
			return true;
		}

	}

}
