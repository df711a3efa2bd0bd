package dev.hardenedboot.resilience.outbound;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBudgetTests {

	@Test
	void oneRetryPerTenCalls() {
		RetryBudget budget = new RetryBudget(0.1, 10);
		int allowed = 0;
		for (int call = 0; call < 100; call++) {
			budget.onCall();
			if (budget.tryRetry()) {
				allowed++;
			}
		}
		assertThat(allowed).isEqualTo(10);
	}

	@Test
	void aQuietSpellSavesUpOnlySoMuch() {
		RetryBudget budget = new RetryBudget(0.1, 3);
		for (int call = 0; call < 1000; call++) {
			budget.onCall();
		}
		assertThat(budget.tryRetry()).isTrue();
		assertThat(budget.tryRetry()).isTrue();
		assertThat(budget.tryRetry()).isTrue();
		assertThat(budget.tryRetry()).isFalse();
	}

	@Test
	void aZeroRatioNeverRetries() {
		RetryBudget budget = new RetryBudget(0, 10);
		for (int call = 0; call < 100; call++) {
			budget.onCall();
		}
		assertThat(budget.tryRetry()).isFalse();
	}

}
