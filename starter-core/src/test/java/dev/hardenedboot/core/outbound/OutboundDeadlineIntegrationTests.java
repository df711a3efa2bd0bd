package dev.hardenedboot.core.outbound;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardenedboot.core.web.Downstream;
import dev.hardenedboot.core.web.RequestContextWebTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's deadline bounds the outbound call it makes, over real sockets on both sides.
 */
class OutboundDeadlineIntegrationTests extends RequestContextWebTests {

	private static final Downstream downstream = new Downstream();

	@Autowired
	private RestClient.Builder restClientBuilder;

	@AfterAll
	static void stop() {
		downstream.close();
	}

	@Test
	void slowDownstreamIsCutAtTheDeadlineWith504() throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.get(proxy(5_000, 0), "X-Request-Timeout", "500ms", "X-Request-ID",
				"outbound-1");
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(took).isLessThan(Duration.ofMillis(1_500));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("code").asText()).isEqualTo("REQUEST_TIMEOUT");
		assertThat(problem.get("request_id").asText()).isEqualTo("outbound-1");
		long forwarded = Long.parseLong(downstream.lastHeader("X-Request-Timeout"));
		assertThat(forwarded).isPositive().isLessThan(500);
		assertThat(downstream.lastHeader("X-Request-ID")).isEqualTo("outbound-1");
		System.out.printf("outbound deadline: 504 after %d ms, downstream was given %d ms%n", took.toMillis(),
				forwarded);
	}

	@Test
	void fastDownstreamAnswersAndSeesTheRequestContext() {
		HttpResponse<String> response = this.http.get(proxy(10, 0), "X-Request-Timeout", "2s", "X-Request-ID",
				"outbound-2");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("worked");
		assertThat(downstream.lastHeader("X-Request-ID")).isEqualTo("outbound-2");
		assertThat(Long.parseLong(downstream.lastHeader("X-Request-Timeout"))).isBetween(1_000L, 2_000L);
	}

	@Test
	void noCallIsMadeOnceTheDeadlineHasPassed() {
		int before = downstream.calls().size();
		HttpResponse<String> response = this.http.get(proxy(10, 400), "X-Request-Timeout", "200ms");
		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(downstream.calls()).hasSize(before);
	}

	@Test
	void callsOutsideARequestCarryNoContext() {
		String body = this.restClientBuilder.build()
			.get()
			.uri("http://127.0.0.1:" + downstream.port() + "/work?millis=1")
			.retrieve()
			.body(String.class);
		assertThat(body).isEqualTo("worked");
		assertThat(downstream.lastHeader("X-Request-ID")).isNull();
		assertThat(downstream.lastHeader("X-Request-Timeout")).isNull();
	}

	private static String proxy(long downstreamMillis, long delayMillis) {
		return "/proxy?port=" + downstream.port() + "&downstreamMillis=" + downstreamMillis + "&delayMillis="
				+ delayMillis;
	}

}
