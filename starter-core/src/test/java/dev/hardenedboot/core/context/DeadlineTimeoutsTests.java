package dev.hardenedboot.core.context;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DeadlineTimeoutsTests {

	@Test
	void withoutADeadlineTheConfiguredTimeoutApplies() {
		assertThat(DeadlineTimeouts.forCall(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
		assertThat(DeadlineTimeouts.forCall(null)).isNull();
		assertThat(DeadlineTimeouts.seconds(7)).isEqualTo(7);
		assertThat(DeadlineTimeouts.seconds(0)).isZero();
	}

	@Test
	void theDeadlineShortensLongerTimeoutsAndFillsMissingOnes() {
		try (RequestContext.Scope scope = within(Duration.ofMillis(1500))) {
			assertThat(DeadlineTimeouts.forCall(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(200));
			assertThat(DeadlineTimeouts.forCall(Duration.ofSeconds(30))).isLessThanOrEqualTo(Duration.ofMillis(1500));
			assertThat(DeadlineTimeouts.forCall(null)).isLessThanOrEqualTo(Duration.ofMillis(1500))
				.isGreaterThan(Duration.ofMillis(1000));
			assertThat(DeadlineTimeouts.seconds(30)).isEqualTo(2);
			assertThat(DeadlineTimeouts.seconds(0)).isEqualTo(2);
			assertThat(DeadlineTimeouts.seconds(1)).isEqualTo(1);
		}
	}

	@Test
	void secondsNeverRoundDownToNoTimeout() {
		try (RequestContext.Scope scope = within(Duration.ofMillis(20))) {
			assertThat(DeadlineTimeouts.seconds(30)).isEqualTo(1);
		}
	}

	@Test
	void anExpiredDeadlineRefusesTheCall() throws InterruptedException {
		try (RequestContext.Scope scope = within(Duration.ofMillis(1))) {
			Thread.sleep(5);
			assertThatExceptionOfType(DeadlineExceededException.class)
				.isThrownBy(() -> DeadlineTimeouts.forCall(Duration.ofSeconds(1)));
			assertThatExceptionOfType(DeadlineExceededException.class).isThrownBy(() -> DeadlineTimeouts.seconds(5));
		}
	}

	@Test
	void timeoutsCountAsTheDeadlinesOnlyOnceItHasPassed() throws InterruptedException {
		Exception socketTimeout = new IOException("wrapped", new SocketTimeoutException("Read timed out"));
		try (RequestContext.Scope scope = within(Duration.ofSeconds(30))) {
			assertThat(DeadlineTimeouts.isCausedByDeadline(socketTimeout)).isFalse();
		}
		try (RequestContext.Scope scope = within(Duration.ofMillis(1))) {
			Thread.sleep(5);
			assertThat(DeadlineTimeouts.isCausedByDeadline(socketTimeout)).isTrue();
			assertThat(DeadlineTimeouts.isCausedByDeadline(new SQLTimeoutException())).isTrue();
			assertThat(DeadlineTimeouts.isCausedByDeadline(new CancellationException())).isTrue();
			assertThat(DeadlineTimeouts.isCausedByDeadline(new IllegalStateException("bug"))).isFalse();
			DeadlineExceededException exceeded = DeadlineTimeouts.exceeded(socketTimeout);
			assertThat(exceeded).hasCause(socketTimeout);
			assertThat(DeadlineTimeouts.exceeded(exceeded)).isSameAs(exceeded);
		}
		assertThat(DeadlineTimeouts.isCausedByDeadline(
				new RuntimeException(new DeadlineExceededException(Deadline.after(Duration.ofSeconds(1)))))).isTrue();
	}

	@Test
	void exceededNeedsADeadline() {
		assertThatIllegalStateException().isThrownBy(() -> DeadlineTimeouts.exceeded(new IOException()));
	}

	private static RequestContext.Scope within(Duration budget) {
		return RequestContext.of("spi").withDeadline(Deadline.after(budget)).makeCurrent();
	}

}
