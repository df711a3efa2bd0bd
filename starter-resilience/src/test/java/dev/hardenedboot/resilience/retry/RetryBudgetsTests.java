package dev.hardenedboot.resilience.retry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * resilience4j's own {@code Retry}, decorating calls as its aspect does, with a budget in its
 * config.
 */
class RetryBudgetsTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final RetryBudgets budgets = new RetryBudgets(properties(), this.meters, () -> 0L);

	private final RetryConfig plain = RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ZERO).build();

	@Test
	void aRetryIsMadeOnlyWhenTheInstancesCallsEarnedIt() {
		Retry retry = budgeted("orders");
		AtomicInteger attempts = new AtomicInteger();
		for (int i = 0; i < 10; i++) {
			retry.executeSupplier(attempts::incrementAndGet);
		}
		attempts.set(0);
		assertThatIllegalStateException().isThrownBy(() -> retry.executeSupplier(() -> fail(attempts)))
			.withMessage("attempt 2");
		attempts.set(0);
		assertThatIllegalStateException().isThrownBy(() -> retry.executeSupplier(() -> fail(attempts)))
			.withMessage("attempt 1");
		assertThat(this.meters.get(RetryBudgets.EXHAUSTED_METRIC).tag("name", "orders").counter().count())
			.isEqualTo(1);
	}

	@Test
	void callsTheBudgetRefusedCountToo() {
		Retry retry = budgeted("refusals");
		AtomicInteger attempts = new AtomicInteger();
		for (int i = 0; i < 10; i++) {
			attempts.set(0);
			assertThatIllegalStateException().isThrownBy(() -> retry.executeSupplier(() -> fail(attempts)))
				.withMessage("attempt 1");
		}
		// resilience4j counted none of the ten; the budget did.
		assertThat(retry.getMetrics().getNumberOfFailedCallsWithoutRetryAttempt()).isZero();
		attempts.set(0);
		assertThatIllegalStateException().isThrownBy(() -> retry.executeSupplier(() -> fail(attempts)))
			.withMessage("attempt 2");
	}

	@Test
	void aReplacedInstanceKeepsTheCallsItMadeInTheBudget() {
		Retry first = budgeted("replaced");
		for (int i = 0; i < 10; i++) {
			first.executeSupplier(() -> "ok");
		}
		this.budgets.untrack(first);
		Retry second = budgeted("replaced");
		AtomicInteger attempts = new AtomicInteger();
		assertThatIllegalStateException().isThrownBy(() -> second.executeSupplier(() -> fail(attempts)))
			.withMessage("attempt 2");
	}

	@Test
	void aRetryOnAResultIsNotBudgeted() {
		RetryConfig onResult = RetryConfig.<String>custom()
			.maxAttempts(2)
			.waitDuration(Duration.ZERO)
			.retryOnResult("again"::equals)
			.build();
		Retry retry = Retry.of("results", this.budgets.withOwnBudget("results", onResult));
		this.budgets.track(retry);
		AtomicInteger attempts = new AtomicInteger();
		assertThat(retry.executeSupplier(() -> (attempts.incrementAndGet() == 1) ? "again" : "done")).isEqualTo("done");
	}

	@Test
	void theBackoffIsTheConfigsOwnWithoutTheBudget() {
		IntervalBiFunction<Object> own = IntervalBiFunction.ofIntervalFunction((attempt) -> 42L);
		RetryConfig config = this.budgets.withOwnBudget("backoff",
				RetryConfig.custom().intervalBiFunction(own).build());
		assertThat(config.getIntervalBiFunction()).isNotSameAs(own);
		assertThat(RetryBudgets.backoff(config)).isSameAs(own);
		assertThat(RetryBudgets.backoff(this.plain)).isSameAs(this.plain.getIntervalBiFunction());
		// A second budget replaces the first rather than stacking on it.
		RetryConfig again = this.budgets.withOwnBudget("other", config);
		assertThat(RetryBudgets.backoff(again)).isSameAs(own);
		assertThat(RetryBudgets.drawsOn(Retry.of("x", again), "other")).isTrue();
		assertThat(RetryBudgets.drawsOn(Retry.of("x", again), "backoff")).isFalse();
	}

	private Retry budgeted(String name) {
		Retry retry = Retry.of(name, this.budgets.withOwnBudget(name, this.plain));
		this.budgets.track(retry);
		return retry;
	}

	private static String fail(AtomicInteger attempts) {
		throw new IllegalStateException("attempt " + attempts.incrementAndGet());
	}

	private static RetryBudgetProperties properties() {
		RetryBudgetProperties properties = new RetryBudgetProperties();
		properties.setBudgetMinRetriesPerSecond(0);
		return properties;
	}

}
