package dev.hardenedboot.core.security;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardenedboot.core.web.RequestContextWebTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oversized requests over a real socket.
 */
class ServerLimitsIntegrationTests extends RequestContextWebTests {

	private static final int FIFTY_MEGABYTES = 50 * 1024 * 1024;

	@Test
	void declaredOversizedBodyIsRefusedBeforeItIsSent() throws Exception {
		// What a careful client does with a large upload: send the head with
		// Expect: 100-continue, and only send the body once the server says so.
		String response = this.http.raw("POST /errors/orders HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nContent-Length: " + FIFTY_MEGABYTES + "\r\n"
				+ "Expect: 100-continue\r\nX-Request-ID: big-1\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 413");
		assertThat(response).doesNotContain("100 Continue");
		assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(response).containsIgnoringCase("X-Content-Type-Options: nosniff");
		JsonNode problem = this.json.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
		assertThat(problem.get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
		assertThat(problem.get("request_id").asText()).isEqualTo("big-1");
	}

	@Test
	void chunkedOversizedBodyFailsWhenItPassesTheCap() throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		byte[] body = new byte[11 * 1024 * 1024];
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/upload"))
			.header("Content-Type", "application/octet-stream")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		problem(response, 413);
	}

	@Test
	void malformedRequestLineIsAMinimalProblemFromTomcat() {
		String response = this.http.raw("GET /context/1 HTTP/1.1 extra\r\nHost: localhost\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 400");
		assertThat(response).contains("\"code\":\"MALFORMED_REQUEST\"");
	}

	@Test
	void oversizedHeadersAreAMinimalProblemFromTomcat() {
		String response = this.http.raw("GET /context/1 HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(64 * 1024)
				+ "\r\nConnection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 400");
		assertThat(response).doesNotContain("Exception", "at org.", "Apache Tomcat/", "<html");
		assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(response).contains("\"code\":\"MALFORMED_REQUEST\"", "\"status\":400");
	}

	private JsonNode problem(HttpResponse<String> response, int status) throws Exception {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
		return problem;
	}

}
