package dev.hardenedboot.core.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the books on forked sleepers, independently of the executor's own statistics: how
 * many are alive now, and when the last one of each request ended.
 */
public class ForkLedger {

	private final AtomicInteger alive = new AtomicInteger();

	private final AtomicInteger started = new AtomicInteger();

	private final Map<String, Long> lastEndNanosByRequest = new ConcurrentHashMap<>();

	private final Map<String, Boolean> interruptedByRequest = new ConcurrentHashMap<>();

	private final Map<String, Boolean> deadlineSeenByRequest = new ConcurrentHashMap<>();

	String sleep(String requestId, long millis) throws InterruptedException {
		this.alive.incrementAndGet();
		this.started.incrementAndGet();
		try {
			Thread.sleep(millis);
			return "slept";
		}
		catch (InterruptedException ex) {
			this.interruptedByRequest.put(requestId, true);
			throw ex;
		}
		finally {
			this.lastEndNanosByRequest.merge(requestId, System.nanoTime(), Math::max);
			this.alive.decrementAndGet();
		}
	}

	void recordDeadlineSeen(String requestId, boolean seen) {
		this.deadlineSeenByRequest.put(requestId, seen);
	}

	public Boolean interrupted(String requestId) {
		return this.interruptedByRequest.get(requestId);
	}

	public Boolean deadlineSeen(String requestId) {
		return this.deadlineSeenByRequest.get(requestId);
	}

	public int alive() {
		return this.alive.get();
	}

	public int started() {
		return this.started.get();
	}

	public Long lastEndNanos(String requestId) {
		return this.lastEndNanosByRequest.get(requestId);
	}

}
