package dev.hardenedboot.core.concurrency;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts forks: how many run now, and how many never started because their request ended
 * first. "Running now" is the number to watch for leaks: unlike thread counts it sees
 * virtual threads, and it does not move when a pool grows or idles.
 */
final class ForkStatistics {

	private final AtomicInteger running = new AtomicInteger();

	private final LongAdder skipped = new LongAdder();

	void started() {
		this.running.incrementAndGet();
	}

	void finished() {
		this.running.decrementAndGet();
	}

	void skipped() {
		this.skipped.increment();
	}

	int running() {
		return this.running.get();
	}

	long skippedCount() {
		return this.skipped.sum();
	}

}
