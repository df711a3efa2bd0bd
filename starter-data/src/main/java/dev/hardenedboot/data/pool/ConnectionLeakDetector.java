package dev.hardenedboot.data.pool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.hardenedboot.core.context.RequestContext;
import dev.hardenedboot.data.pool.BorrowTracker.Borrow;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.lang.Nullable;

/**
 * Reports connections held past their pool's leak threshold, for the pools whose borrows a
 * {@link BorrowTracker} keeps. One daemon thread looks at the outstanding borrows of every
 * pool once per sweep interval, so a leak is reported at most one interval after the
 * threshold. The report names the pool, the thread, the request id and route of the
 * borrower, and carries a stack: the borrow's own once the pool records borrow sites (from its
 * first leak on), otherwise where the borrowing thread is now. The log line carries the
 * borrower's {@code request_id}, so it sits with the request's own lines.
 */
class ConnectionLeakDetector implements DisposableBean {

	private static final Log logger = LogFactory.getLog(ConnectionLeakDetector.class);

	private static final String REQUEST_ID = "request_id";

	private final Duration sweepInterval;

	private final List<BorrowTracker> trackers = new CopyOnWriteArrayList<>();

	@Nullable
	private ScheduledExecutorService sweeper;

	ConnectionLeakDetector(Duration sweepInterval) {
		this.sweepInterval = sweepInterval;
	}

	/**
	 * A tracker for one pool, swept from now on.
	 * @param name the pool's bean name
	 * @return the tracker to install on the pool
	 */
	BorrowTracker track(String name) {
		BorrowTracker tracker = new BorrowTracker(name);
		this.trackers.add(tracker);
		startSweeping();
		return tracker;
	}

	List<BorrowTracker> trackers() {
		return List.copyOf(this.trackers);
	}

	private synchronized void startSweeping() {
		if (this.sweeper != null) {
			return;
		}
		ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "hardened-connection-leak-detector");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.sweepInterval.toNanos();
		sweeper.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.NANOSECONDS);
		this.sweeper = sweeper;
	}

	void sweep() {
		long now = System.nanoTime();
		for (BorrowTracker tracker : this.trackers) {
			if (tracker.isClosed()) {
				this.trackers.remove(tracker);
				continue;
			}
			try {
				for (Borrow borrow : tracker.overdue(now)) {
					report(tracker, borrow, now);
				}
			}
			catch (RuntimeException ex) {
				// A sweep that throws would end the schedule and with it every later report.
				logger.error("Connection leak detection failed for pool '" + tracker.name() + "'", ex);
			}
		}
	}

	private static void report(BorrowTracker tracker, Borrow borrow, long now) {
		long heldSeconds = TimeUnit.NANOSECONDS.toSeconds(now - borrow.borrowedNanos());
		StringBuilder message = new StringBuilder("Connection leak on pool '").append(tracker.name())
			.append("': a connection borrowed ")
			.append(heldSeconds)
			.append("s ago has not been returned (leak-detection-threshold ")
			.append(tracker.threshold().toMillis())
			.append(" ms). Borrowed by thread '")
			.append(borrow.thread().getName())
			.append('\'');
		RequestContext context = borrow.context();
		if (context != null) {
			message.append(" for request ").append(context.requestId());
			context.route().ifPresent((route) -> message.append(" on route ").append(route));
		}
		ConnectionLeakTrace trace;
		if (borrow.site() != null) {
			trace = borrow.site().withoutPoolFrames();
			message.append("; the stack that borrowed it follows");
		}
		else if (borrow.thread().isAlive()) {
			trace = ConnectionLeakTrace.currentStackOf(borrow.thread());
			message.append("; where that thread is now follows. From now on this pool records the stack of every "
					+ "borrow, so its next leak report names the code that took the connection");
		}
		else {
			trace = null;
			message.append(", which has ended: the connection is lost to the pool until it reaches max-lifetime "
					+ "or the server closes it. From now on this pool records the stack of every borrow, so its next "
					+ "leak report names the code that took the connection");
		}
		try (MDC.MDCCloseable ignored = (context != null) ? MDC.putCloseable(REQUEST_ID, context.requestId())
				: null) {
			logger.warn(message, trace);
		}
	}

	/**
	 * Logs the return of a connection reported as leaked.
	 * @param tracker the pool's tracker
	 * @param borrow the borrow that ended
	 * @param heldMillis how long the connection was held
	 */
	static void returned(BorrowTracker tracker, Borrow borrow, long heldMillis) {
		RequestContext context = borrow.context();
		logger.info("The connection reported as leaked on pool '" + tracker.name() + "' by thread '"
				+ borrow.thread().getName() + "'"
				+ ((context != null) ? " for request " + context.requestId() : "") + " was returned after "
				+ heldMillis + " ms");
	}

	@Override
	public synchronized void destroy() {
		if (this.sweeper != null) {
			this.sweeper.shutdownNow();
			this.sweeper = null;
		}
	}

}
