package dev.hardenedboot.core.requestid;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardenedboot.core.web.RequestContextWebTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdIntegrationTests extends RequestContextWebTests {

	@Test
	void generatedWhenAbsentAndSeenByTheHandlerInContextAndMdc() throws Exception {
		HttpResponse<String> response = this.http.get("/context/1");
		String id = response.headers().firstValue("X-Request-ID").orElseThrow();
		assertThat(id).matches("[0-9a-f]{32}");
		JsonNode seen = this.json.readTree(response.body());
		assertThat(seen.get("requestId").asText()).isEqualTo(id);
		assertThat(seen.get("mdc").asText()).isEqualTo(id);
		assertThat(seen.get("route").asText()).isEqualTo("/context/{id}");
	}

	@Test
	void callersSafeIdIsKeptAndEchoed() throws Exception {
		HttpResponse<String> response = this.http.get("/context/1", "X-Request-ID", "checkout-7f3a:retry.2");
		assertThat(response.headers().firstValue("X-Request-ID")).contains("checkout-7f3a:retry.2");
		assertThat(this.json.readTree(response.body()).get("mdc").asText()).isEqualTo("checkout-7f3a:retry.2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "has space", "quote\"d", "semi;colon", "caf\u00e9" })
	void unsafeIdsAreReplacedAndNeverReachTheResponse(String unsafe) {
		String response = this.http.raw("GET /context/1 HTTP/1.1\r\nHost: localhost\r\nX-Request-ID: " + unsafe
				+ "\r\nConnection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 200");
		assertThat(response).doesNotContain(unsafe);
		assertThat(response).containsPattern("(?i)X-Request-ID: [0-9a-f]{32}\r\n");
	}

	@Test
	void overLongIdIsReplaced() {
		String tooLong = "a".repeat(129);
		HttpResponse<String> response = this.http.get("/context/1", "X-Request-ID", tooLong);
		assertThat(response.headers().firstValue("X-Request-ID").orElseThrow()).matches("[0-9a-f]{32}");
		assertThat(response.body()).doesNotContain(tooLong);
	}

	@Test
	void echoedOnNotFoundAndOnServerErrors() {
		HttpResponse<String> notFound = this.http.get("/no/such/route", "X-Request-ID", "lost-1");
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(notFound.headers().firstValue("X-Request-ID")).contains("lost-1");
		HttpResponse<String> failed = this.http.get("/boom", "X-Request-ID", "boom-1");
		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(failed.headers().firstValue("X-Request-ID")).contains("boom-1");
		assertThat(failed.body()).doesNotContain("IllegalStateException");
	}

}
