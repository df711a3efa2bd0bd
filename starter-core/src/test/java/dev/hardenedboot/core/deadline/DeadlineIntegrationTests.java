package dev.hardenedboot.core.deadline;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardenedboot.core.web.RequestContextWebTests;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deadlines over a real socket: budgets, the 400 for a bad header and the 504 when a
 * handler runs past its deadline.
 */
class DeadlineIntegrationTests extends RequestContextWebTests {

	@Autowired
	private MeterRegistry meters;

	@Test
	void handlerSeesTheDefaultBudget() throws Exception {
		long remaining = remainingMillis(this.http.get("/context/1"));
		assertThat(remaining).isBetween(25_000L, 30_000L);
	}

	@Test
	void callerCanAskForLessAndIsCappedAtTheMaximum() throws Exception {
		assertThat(remainingMillis(this.http.get("/context/1", "X-Request-Timeout", "2500"))).isBetween(1_000L, 2_500L);
		assertThat(remainingMillis(this.http.get("/context/1", "X-Request-Timeout", "3s"))).isBetween(1_500L, 3_000L);
		assertThat(remainingMillis(this.http.get("/context/1", "X-Request-Timeout", "10m"))).isBetween(55_000L, 60_000L);
	}

	@Test
	void malformedTimeoutIsA400ProblemAndTheHandlerNeverRuns() throws Exception {
		for (String bad : new String[] { "soon", "0", "-5", "1.5s" }) {
			HttpResponse<String> response = this.http.get("/sleep?millis=5000", "X-Request-Timeout", bad,
					"X-Request-ID", "bad-timeout-1");
			assertThat(response.statusCode()).as(bad).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
			assertThat(response.headers().firstValue("X-Request-ID")).contains("bad-timeout-1");
			JsonNode problem = this.json.readTree(response.body());
			assertThat(problem.get("code").asText()).isEqualTo("INVALID_REQUEST_TIMEOUT");
			assertThat(problem.get("status").asInt()).isEqualTo(400);
			assertThat(problem.get("request_id").asText()).isEqualTo("bad-timeout-1");
			assertThat(problem.get("instance").asText()).isEqualTo("/sleep");
			assertThat(problem.get("detail").asText()).contains("X-Request-Timeout");
		}
	}

	@Test
	void handlerReturningAfterTheDeadlineGets504() throws Exception {
		double before = timeouts("/sleep", "late-response");
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.get("/sleep?millis=700", "X-Request-Timeout", "300ms",
				"X-Request-ID", "late-1");
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(took).isLessThan(Duration.ofMillis(1_500));
		assertThat(response.headers().firstValue("X-Request-ID")).contains("late-1");
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("code").asText()).isEqualTo("REQUEST_TIMEOUT");
		assertThat(problem.get("status").asInt()).isEqualTo(504);
		assertThat(problem.get("title").asText()).isEqualTo("Request timed out");
		assertThat(problem.get("detail").asText()).contains("300 ms");
		assertThat(problem.get("request_id").asText()).isEqualTo("late-1");
		assertThat(problem.has("trace_id")).isTrue();
		assertThat(response.body()).doesNotContain("done");
		// Counted on the server thread once the response is out: the client may read it first.
		await().atMost(Duration.ofSeconds(5)).until(() -> timeouts("/sleep", "late-response") == before + 1);
	}

	@Test
	void cooperativeCheckEndsTheRequestAtItsDeadline() throws Exception {
		double before = timeouts("/cooperative", "call");
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.get("/cooperative?millis=10000", "X-Request-Timeout", "300");
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(took).isLessThan(Duration.ofMillis(1_500));
		assertThat(this.json.readTree(response.body()).get("code").asText()).isEqualTo("REQUEST_TIMEOUT");
		await().atMost(Duration.ofSeconds(5)).until(() -> timeouts("/cooperative", "call") == before + 1);
	}

	@Test
	void routeBudgetApplies() {
		HttpResponse<String> response = this.http.get("/slow/report");
		assertThat(response.statusCode()).isEqualTo(504);
	}

	@Test
	void timedOutRequestsAreMeasuredByBootsObservationFilter() {
		this.http.get("/sleep?millis=400", "X-Request-Timeout", "100ms");
		this.http.get("/sleep?millis=1", "X-Request-Timeout", "nope");
		assertThat(this.meters.get("http.server.requests").tag("uri", "/sleep").tag("status", "504").timer().count())
			.isPositive();
		assertThat(this.meters.get("http.server.requests").tag("status", "400").timer().count()).isPositive();
	}

	@Test
	void probesAndActuatorHaveNoDeadline() throws Exception {
		assertThat(remainingMillis(this.http.get("/health/custom", "X-Request-Timeout", "1s"))).isEqualTo(-1);
		assertThat(this.http.get("/actuator/health", "X-Request-Timeout", "garbage").statusCode()).isEqualTo(200);
	}

	@Test
	void fastRequestsAreUntouched() {
		HttpResponse<String> response = this.http.get("/sleep?millis=1", "X-Request-Timeout", "2s");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("done");
	}

	private long remainingMillis(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body()).get("remainingMillis").asLong();
	}

	private double timeouts(String route, String cause) {
		var counter = this.meters.find("hardened.request.timeouts").tag("uri", route).tag("cause", cause).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
