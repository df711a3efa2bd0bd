package dev.hardenedboot.resilience.retry;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;

import org.springframework.lang.Nullable;

/**
 * A retry config's backoff, asked by resilience4j for the wait before each retry, that first
 * takes the retry from a budget. When the budget refuses, the wait is negative: resilience4j
 * then makes no further attempt and ends the call with the failure it had.
 *
 * <p>A retry on a result (resilience4j's {@code result-predicate}) is not budgeted: a synchronous
 * resilience4j retry has no way to stop it and return the result, so refusing would turn the
 * result into an exception.
 *
 * @param <T> the result type
 */
final class BudgetedIntervalFunction<T> implements IntervalBiFunction<T> {

	private final String name;

	private final RetryBudgets budgets;

	private final IntervalBiFunction<T> backoff;

	BudgetedIntervalFunction(String name, RetryBudgets budgets, IntervalBiFunction<T> backoff) {
		this.name = name;
		this.budgets = budgets;
		this.backoff = backoff;
	}

	String name() {
		return this.name;
	}

	IntervalBiFunction<T> backoff() {
		return this.backoff;
	}

	@Override
	public Long apply(Integer attempt, @Nullable Either<Throwable, T> outcome) {
		Long wait = this.backoff.apply(attempt, outcome);
		if (outcome == null || outcome.isRight() || wait < 0) {
			return wait;
		}
		this.budgets.depositCalls(this.name);
		if (this.budgets.tryRetry(this.name)) {
			return wait;
		}
		// resilience4j counts a call it stops this way in none of its metrics: the budget must.
		this.budgets.onCall(this.name);
		return -1L;
	}

	@Override
	public String toString() {
		return "budget '" + this.name + "' then " + this.backoff;
	}

}
