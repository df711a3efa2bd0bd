package dev.hardenedboot.core.concurrency;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardenedboot.core.web.ForkLedger;
import dev.hardenedboot.core.web.RequestContextWebTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Forks over a real socket: they see their request, and they end with it.
 */
class RequestExecutorIntegrationTests extends RequestContextWebTests {

	@Autowired
	private ForkLedger ledger;

	@Test
	void forkSeesTheRequestIdMdcAndDeadline() throws Exception {
		HttpResponse<String> response = this.http.get("/fork-context", "X-Request-ID", "fork-1", "X-Request-Timeout",
				"3s");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode seen = this.json.readTree(response.body());
		assertThat(seen.get("thread").asText()).startsWith("hardened-fork-");
		assertThat(seen.get("requestId").asText()).isEqualTo("fork-1");
		assertThat(seen.get("mdc").asText()).isEqualTo("fork-1");
		assertThat(seen.get("remainingMillis").asLong()).isBetween(1L, 3_000L);
	}

	@Test
	void joinWaitsAtMostTheDeadlineAndForksAreCancelled() {
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.get("/fanout?tasks=3&sleepMillis=30000", "X-Request-ID", "fork-2",
				"X-Request-Timeout", "300ms");
		long answered = System.nanoTime();
		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(Duration.ofNanos(answered - start)).isLessThan(Duration.ofMillis(1_500));
		await().atMost(Duration.ofSeconds(2)).until(() -> this.ledger.lastEndNanos("fork-2") != null);
		assertThat(Duration.ofNanos(this.ledger.lastEndNanos("fork-2") - answered)).isLessThan(Duration.ofMillis(250));
	}

	@Test
	void forksNotJoinedEndWhenTheRequestEnds() {
		HttpResponse<String> response = this.http.get("/fanout?tasks=2&sleepMillis=30000&join=false", "X-Request-ID",
				"fork-3");
		long answered = System.nanoTime();
		assertThat(response.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(2)).until(() -> this.ledger.lastEndNanos("fork-3") != null);
		assertThat(Duration.ofNanos(this.ledger.lastEndNanos("fork-3") - answered)).isLessThan(Duration.ofMillis(250));
	}

	@Test
	void forksThatFinishInTimeAreJoined() {
		HttpResponse<String> response = this.http.get("/fanout?tasks=4&sleepMillis=50", "X-Request-Timeout", "5s");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("slept,slept,slept,slept");
	}

}
