package dev.hardenedboot.resilience.retry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.lang.Nullable;

/**
 * One retry budget per retry instance, by name: resilience4j's {@code Retry} instances (those
 * of {@code @Retry} methods too) and the outbound HTTP retries of each host
 * ({@code http-<host>}). A retry the budget refuses is counted in
 * {@value #EXHAUSTED_METRIC}, tagged with the budget's name.
 *
 * <p>resilience4j's retries reach their budget through the wait before the next attempt:
 * resilience4j does not retry when that wait is negative (since 2.2, resilience4j #2067), and
 * ends the call with the failure it had. A budget learns of those calls from the retry
 * instances' own metrics, and of the calls it refused, which resilience4j counts nowhere, from
 * itself.
 */
public class RetryBudgets {

	/** Counter of retries a budget refused, tagged {@code name}. */
	public static final String EXHAUSTED_METRIC = "hardened.retry.budget.exhausted";

	private final RetryBudgetProperties properties;

	@Nullable
	private final MeterRegistry meters;

	private final LongSupplier nanoTime;

	private final Map<String, Budget> budgets = new ConcurrentHashMap<>();

	public RetryBudgets(RetryBudgetProperties properties, @Nullable MeterRegistry meters) {
		this(properties, meters, System::nanoTime);
	}

	RetryBudgets(RetryBudgetProperties properties, @Nullable MeterRegistry meters, LongSupplier nanoTime) {
		this.properties = properties;
		this.meters = meters;
		this.nanoTime = nanoTime;
	}

	/**
	 * Records a call made outside resilience4j's retries, such as an outbound HTTP call.
	 * @param name the budget's name
	 */
	public void onCall(String name) {
		budget(name).budget.onCall();
	}

	/**
	 * Takes a retry from the named budget, counting a refusal.
	 * @param name the budget's name
	 * @return whether the budget allowed the retry
	 */
	public boolean tryRetry(String name) {
		Budget budget = budget(name);
		if (budget.budget.tryRetry()) {
			return true;
		}
		if (budget.exhausted != null) {
			budget.exhausted.increment();
		}
		return false;
	}

	/**
	 * The wait before a retry as the given config computes it, without the budget this class
	 * adds to every config: for callers that take the retry from the budget themselves.
	 * @param config a retry config
	 * @param <T> the result type
	 * @return the config's own backoff
	 */
	public static <T> IntervalBiFunction<T> backoff(RetryConfig config) {
		return unwrap(config.getIntervalBiFunction());
	}

	/**
	 * The given config with a budget of its own, named {@code name}, in place of any budget
	 * it had.
	 */
	RetryConfig withOwnBudget(String name, RetryConfig config) {
		return RetryConfig.from(config).intervalBiFunction(budgeted(name, config.getIntervalBiFunction())).build();
	}

	<T> IntervalBiFunction<T> budgeted(String name, IntervalBiFunction<T> backoff) {
		return new BudgetedIntervalFunction<>(name, this, unwrap(backoff));
	}

	/**
	 * Whether the retry instance draws on the budget of that name.
	 */
	static boolean drawsOn(Retry retry, String name) {
		return retry.getRetryConfig().getIntervalBiFunction() instanceof BudgetedIntervalFunction<?> budgeted
				&& budgeted.name().equals(name);
	}

	/** Counts the calls of a retry instance into the budget its config draws on, if any. */
	void track(Retry retry) {
		if (retry.getRetryConfig().getIntervalBiFunction() instanceof BudgetedIntervalFunction<?> budgeted) {
			budget(budgeted.name()).calls.putIfAbsent(retry, new AtomicLong());
		}
	}

	/** Stops counting the calls of a retry instance, keeping those it made. */
	void untrack(Retry retry) {
		if (retry.getRetryConfig().getIntervalBiFunction() instanceof BudgetedIntervalFunction<?> budgeted) {
			Budget budget = budget(budgeted.name());
			depositCalls(budget);
			budget.calls.remove(retry);
		}
	}

	/** Deposits the calls the named budget's retry instances completed since the last time. */
	void depositCalls(String name) {
		depositCalls(budget(name));
	}

	private static void depositCalls(Budget budget) {
		budget.calls.forEach((retry, seen) -> {
			long completed = completedCalls(retry);
			long before = seen.getAndAccumulate(completed, Math::max);
			if (completed > before) {
				budget.budget.onCalls(completed - before);
			}
		});
	}

	private static long completedCalls(Retry retry) {
		Retry.Metrics metrics = retry.getMetrics();
		return metrics.getNumberOfSuccessfulCallsWithoutRetryAttempt()
				+ metrics.getNumberOfSuccessfulCallsWithRetryAttempt()
				+ metrics.getNumberOfFailedCallsWithoutRetryAttempt() + metrics.getNumberOfFailedCallsWithRetryAttempt();
	}

	private Budget budget(String name) {
		return this.budgets.computeIfAbsent(name, this::newBudget);
	}

	private Budget newBudget(String name) {
		RetryBudget budget = new RetryBudget(this.properties.getBudgetRatio(),
				this.properties.getBudgetMinRetriesPerSecond(), this.properties.getBudgetMaxSaved(), this.nanoTime);
		Counter exhausted = (this.meters != null) ? Counter.builder(EXHAUSTED_METRIC)
			.tag("name", name)
			.description("Retries a retry budget refused")
			.register(this.meters) : null;
		return new Budget(budget, exhausted, new ConcurrentHashMap<>());
	}

	@SuppressWarnings("unchecked")
	private static <T> IntervalBiFunction<T> unwrap(IntervalBiFunction<T> backoff) {
		return (backoff instanceof BudgetedIntervalFunction<?> budgeted) ? (IntervalBiFunction<T>) budgeted.backoff()
				: backoff;
	}

	/**
	 * A budget, the counter of its refusals, and the retry instances whose calls it counts,
	 * with how many of their calls it counted.
	 */
	private record Budget(RetryBudget budget, @Nullable Counter exhausted, Map<Retry, AtomicLong> calls) {

	}

}
