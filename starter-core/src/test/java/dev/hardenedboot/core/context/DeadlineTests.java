package dev.hardenedboot.core.context;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeadlineTests {

	@Test
	void freshDeadlineHasItsBudgetLeft() {
		Deadline deadline = Deadline.after(Duration.ofSeconds(10));
		assertThat(deadline.budget()).isEqualTo(Duration.ofSeconds(10));
		assertThat(deadline.remaining()).isLessThanOrEqualTo(Duration.ofSeconds(10)).isGreaterThan(Duration.ofSeconds(9));
		assertThat(deadline.remainingMillis()).isBetween(9_000L, 10_000L);
		assertThat(deadline.isExpired()).isFalse();
		deadline.throwIfExpired();
	}

	@Test
	void expiredDeadlineHasNothingLeftAndThrows() throws InterruptedException {
		Deadline deadline = Deadline.after(Duration.ofMillis(5));
		Thread.sleep(20);
		assertThat(deadline.isExpired()).isTrue();
		assertThat(deadline.remaining()).isEqualTo(Duration.ZERO);
		assertThat(deadline.remainingMillis()).isZero();
		assertThat(deadline.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(20));
		assertThatExceptionOfType(DeadlineExceededException.class).isThrownBy(deadline::throwIfExpired)
			.withMessageContaining("5 ms")
			.satisfies((ex) -> assertThat(ex.getBudget()).isEqualTo(Duration.ofMillis(5)));
	}

	@Test
	void boundIsTheShorterOfTheCallTimeoutAndWhatIsLeft() {
		Deadline deadline = Deadline.after(Duration.ofSeconds(2));
		assertThat(deadline.bound(Duration.ofMillis(300))).isEqualTo(Duration.ofMillis(300));
		assertThat(deadline.bound(Duration.ofSeconds(30))).isLessThanOrEqualTo(Duration.ofSeconds(2))
			.isGreaterThan(Duration.ofSeconds(1));
	}

	@Test
	void budgetMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> Deadline.after(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> Deadline.after(Duration.ofMillis(-1)));
	}

	@Test
	void hugeBudgetsDoNotOverflow() {
		Deadline deadline = Deadline.after(Duration.ofDays(365 * 1000L));
		assertThat(deadline.isExpired()).isFalse();
		assertThat(deadline.remaining()).isGreaterThan(Duration.ofDays(365));
	}

	@Test
	void currentIsEmptyOutsideARequest() {
		assertThat(Deadline.current()).isEmpty();
		Deadline deadline = Deadline.after(Duration.ofSeconds(1));
		try (RequestContext.Scope scope = RequestContext.of("r-1").withDeadline(deadline).makeCurrent()) {
			assertThat(Deadline.current()).containsSame(deadline);
		}
		assertThat(Deadline.current()).isEmpty();
	}

}
