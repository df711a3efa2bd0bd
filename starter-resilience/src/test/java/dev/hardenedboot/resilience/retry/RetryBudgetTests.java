package dev.hardenedboot.resilience.retry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBudgetTests {

	private final AtomicLong nanoTime = new AtomicLong();

	@Test
	void oneRetryPerTenCalls() {
		RetryBudget budget = new RetryBudget(0.1, 0, 10, this.nanoTime::get);
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
		RetryBudget budget = new RetryBudget(0.1, 0, 3, this.nanoTime::get);
		budget.onCalls(1000);
		assertThat(budget.tryRetry()).isTrue();
		assertThat(budget.tryRetry()).isTrue();
		assertThat(budget.tryRetry()).isTrue();
		assertThat(budget.tryRetry()).isFalse();
	}

	@Test
	void aZeroRatioNeverRetries() {
		RetryBudget budget = new RetryBudget(0, 0, 10, this.nanoTime::get);
		budget.onCalls(100);
		assertThat(budget.tryRetry()).isFalse();
	}

	@Test
	void timeAllowsAFewRetriesWhateverTheCalls() {
		RetryBudget budget = new RetryBudget(0.1, 0.1, 10, this.nanoTime::get);
		assertThat(budget.tryRetry()).as("starts empty").isFalse();
		advance(Duration.ofSeconds(9));
		assertThat(budget.tryRetry()).isFalse();
		advance(Duration.ofSeconds(1));
		assertThat(budget.tryRetry()).as("one retry per ten seconds").isTrue();
		assertThat(budget.tryRetry()).isFalse();
	}

	@Test
	void theAllowanceSavesUpOnlySoMuchToo() {
		RetryBudget budget = new RetryBudget(0.1, 0.1, 2, this.nanoTime::get);
		advance(Duration.ofHours(1));
		assertThat(budget.tryRetry()).isTrue();
		assertThat(budget.tryRetry()).isTrue();
		assertThat(budget.tryRetry()).isFalse();
	}

	@Test
	void callsAndTimeAddUp() {
		RetryBudget budget = new RetryBudget(0.1, 0.1, 10, this.nanoTime::get);
		budget.onCalls(5);
		advance(Duration.ofSeconds(5));
		// Half a retry from the calls, half from the time.
		assertThat(budget.tryRetry()).isTrue();
		assertThat(budget.tryRetry()).isFalse();
	}

	private void advance(Duration duration) {
		this.nanoTime.addAndGet(duration.toNanos());
	}

}
