package dev.hardenedboot.core.deadline;

import java.net.http.HttpResponse;
import java.time.Duration;

import dev.hardenedboot.core.web.ForkLedger;
import dev.hardenedboot.core.web.RequestContextWebTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Async handlers end at their request's deadline, and the work behind them is interrupted.
 */
class AsyncHandlerDeadlineIntegrationTests extends RequestContextWebTests {

	@Autowired
	private ForkLedger ledger;

	@Test
	void blockingCallableIsInterruptedAtItsDeadline() throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.get("/async-callable?millis=10000", "X-Request-ID", "callable-1",
				"X-Request-Timeout", "300ms");
		long answered = System.nanoTime();
		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(Duration.ofNanos(answered - start)).isLessThan(Duration.ofMillis(1_500));
		assertThat(this.json.readTree(response.body()).get("code").asText()).isEqualTo("REQUEST_TIMEOUT");
		await().atMost(Duration.ofSeconds(2)).until(() -> this.ledger.lastEndNanos("callable-1") != null);
		assertThat(this.ledger.interrupted("callable-1")).isTrue();
		assertThat(this.ledger.deadlineSeen("callable-1")).isTrue();
		assertThat(Duration.ofNanos(this.ledger.lastEndNanos("callable-1") - answered)).isLessThan(Duration.ofMillis(250));
	}

	@Test
	void callableThatFinishesInTimeAnswers() {
		HttpResponse<String> response = this.http.get("/async-callable?millis=10", "X-Request-Timeout", "2s");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("slept");
	}

	@Test
	void deferredResultTimesOutAtTheDeadline() throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.get("/async-deferred", "X-Request-Timeout", "300ms");
		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
		assertThat(this.json.readTree(response.body()).get("code").asText()).isEqualTo("REQUEST_TIMEOUT");
	}

	@Test
	void completableFutureOnTheRequestExecutorIsCancelledWithItsRequest() {
		HttpResponse<String> response = this.http.get("/async-future?millis=10000", "X-Request-ID", "future-1",
				"X-Request-Timeout", "300ms");
		long answered = System.nanoTime();
		assertThat(response.statusCode()).isEqualTo(504);
		await().atMost(Duration.ofSeconds(2)).until(() -> this.ledger.lastEndNanos("future-1") != null);
		assertThat(this.ledger.interrupted("future-1")).isTrue();
		assertThat(Duration.ofNanos(this.ledger.lastEndNanos("future-1") - answered)).isLessThan(Duration.ofMillis(250));
	}

}
