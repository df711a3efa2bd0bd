package dev.hardenedboot.observability.logging.sampling;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket holding one second's worth of tokens, refilled continuously, in its
 * "virtual scheduling" form (GCRA): one timestamp instead of a token count and a refill time,
 * so taking a token is a single compare-and-set and never blocks.
 */
final class TokenBucket {

	private static final long SECOND = 1_000_000_000L;

	/** A bucket that never holds a token: a rate of 0 drops every line. */
	static final TokenBucket EMPTY = new TokenBucket(SECOND, -1, 0);

	/** Time one token takes to refill. */
	private final long interval;

	/** How far ahead of now the schedule may run: the bucket's size less one token. */
	private final long tolerance;

	/** When the bucket would next be empty if no one took a token: the theoretical arrival time. */
	private final AtomicLong schedule;

	TokenBucket(int perSecond, long now) {
		this(SECOND / perSecond, (SECOND / perSecond) * (perSecond - 1L), now);
	}

	private TokenBucket(long interval, long tolerance, long now) {
		this.interval = interval;
		this.tolerance = tolerance;
		this.schedule = new AtomicLong(now);
	}

	boolean tryTake(long now) {
		while (true) {
			long scheduled = this.schedule.get();
			long start = Math.max(scheduled, now);
			if (start - now > this.tolerance) {
				return false;
			}
			if (this.schedule.compareAndSet(scheduled, start + this.interval)) {
				return true;
			}
		}
	}

}
