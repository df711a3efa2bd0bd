package dev.hardenedboot.resilience.retry;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Retries may be at most a fixed share of calls: each call deposits that share of a retry,
 * each retry withdraws a whole one. Time deposits a small allowance too, so that a service
 * with little traffic can still retry now and then; and the balance is capped, so a long
 * quiet spell cannot save up a storm. The balance starts empty.
 *
 * <p>So over any period, retries are at most {@code ratio x calls + allowance x seconds +
 * cap}: with the defaults (10 %, one retry per ten seconds, 10 saved), a dependency that fails
 * every call of a busy caller sees about 1.1 times the calls it would see without retries,
 * never 2 times.
 */
final class RetryBudget {

	/** Balances are kept in thousandths of a retry, so deposits stay integral. */
	private static final long ONE_RETRY = 1000;

	private final long deposit;

	private final long cap;

	/** Nanoseconds of time that earn one thousandth of a retry; 0 when time earns nothing. */
	private final long nanosPerUnit;

	private final LongSupplier nanoTime;

	private final AtomicLong balance = new AtomicLong();

	private final AtomicLong earnedUntil;

	/**
	 * @param ratio the share of calls that may be retried, such as 0.1
	 * @param minRetriesPerSecond retries time allows whatever the calls, such as 0.1
	 * @param maxSaved the most retries the balance holds
	 * @param nanoTime the monotonic clock
	 */
	RetryBudget(double ratio, double minRetriesPerSecond, int maxSaved, LongSupplier nanoTime) {
		this.deposit = Math.round(ratio * ONE_RETRY);
		this.cap = maxSaved * ONE_RETRY;
		this.nanosPerUnit = (minRetriesPerSecond > 0) ? Math.max(1, Math.round(1e6 / minRetriesPerSecond)) : 0;
		this.nanoTime = nanoTime;
		this.earnedUntil = new AtomicLong(nanoTime.getAsLong());
	}

	/** Records a call. */
	void onCall() {
		onCalls(1);
	}

	/**
	 * Records calls.
	 * @param calls how many
	 */
	void onCalls(long calls) {
		add(calls * this.deposit);
	}

	/**
	 * Takes one retry from the budget.
	 * @return whether the budget allowed it
	 */
	boolean tryRetry() {
		earnAllowance();
		long current;
		do {
			current = this.balance.get();
			if (current < ONE_RETRY) {
				return false;
			}
		}
		while (!this.balance.compareAndSet(current, current - ONE_RETRY));
		return true;
	}

	/** Deposits what the time since the last deposit earned; the thread that moves the mark deposits. */
	private void earnAllowance() {
		if (this.nanosPerUnit == 0) {
			return;
		}
		long now = this.nanoTime.getAsLong();
		long from = this.earnedUntil.get();
		long units = (now - from) / this.nanosPerUnit;
		if (units > 0 && this.earnedUntil.compareAndSet(from, from + units * this.nanosPerUnit)) {
			add(units);
		}
	}

	private void add(long units) {
		if (units > 0) {
			this.balance.accumulateAndGet(units, (current, add) -> Math.min(this.cap, current + add));
		}
	}

}
