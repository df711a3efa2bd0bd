package dev.hardenedboot.core.deadline;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.hardenedboot.core.web.RequestContextWebTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams outlive the default budget: an SSE endpoint keeps sending for 40 s, longer than
 * the 30 s default deadline, and is not cut.
 */
class StreamingExemptionIntegrationTests extends RequestContextWebTests {

	@Test
	void serverSentEventsStreamPastTheDefaultDeadline() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/events?count=41&intervalMillis=1000"))
			.header("Accept", "text/event-stream")
			.timeout(Duration.ofSeconds(90))
			.build();
		long start = System.nanoTime();
		HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> events = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.startsWith("data:")) {
					events.add(line.substring(5));
				}
			}
		}
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(events).hasSize(41).endsWith("tick-41");
		assertThat(took).isGreaterThan(Duration.ofSeconds(39));
	}

}
