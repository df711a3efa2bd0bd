package dev.hardenedboot.resilience.outbound;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Retries may be at most a fixed share of calls: each call deposits that share of a retry,
 * each retry withdraws a whole one, and the balance is capped so that a long quiet spell
 * cannot save up a storm. With the default 10 %, a dependency that fails every call sees at
 * most 1.1 times the calls it would see without retries, never 2 times.
 */
final class RetryBudget {

	/** Balances are kept in thousandths of a retry, so deposits stay integral. */
	private static final long ONE_RETRY = 1000;

	private final long deposit;

	private final long cap;

	private final AtomicLong balance = new AtomicLong();

	/**
	 * @param ratio the share of calls that may be retried, such as 0.1
	 * @param maxSaved the most retries the balance holds
	 */
	RetryBudget(double ratio, int maxSaved) {
		this.deposit = Math.round(ratio * ONE_RETRY);
		this.cap = maxSaved * ONE_RETRY;
	}

	/** Records a call. */
	void onCall() {
		this.balance.accumulateAndGet(this.deposit, (current, add) -> Math.min(this.cap, current + add));
	}

	/**
	 * Takes one retry from the budget.
	 * @return whether the budget allowed it
	 */
	boolean tryRetry() {
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

}
