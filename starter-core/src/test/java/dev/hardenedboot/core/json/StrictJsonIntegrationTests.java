package dev.hardenedboot.core.json;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardenedboot.core.web.Downstream;
import dev.hardenedboot.core.web.ErrorEndpoints;
import dev.hardenedboot.core.web.RequestContextWebTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad request bodies over a real socket: each is a 400 problem that says where and what, in
 * the client's terms, and never a 500.
 */
class StrictJsonIntegrationTests extends RequestContextWebTests {

	private static final String LINES = "\"lines\":[{\"sku\":\"A\",\"quantity\":1}]";

	private static final Downstream downstream = new Downstream();

	@Autowired
	private RestClient.Builder restClient;

	@AfterAll
	static void stop() {
		downstream.close();
	}

	static Stream<Arguments> badBodies() {
		return Stream.of(Arguments.of("truncated", "{\"customer\":\"a\"", "ends too early"),
				Arguments.of("wrong type", "{\"customer\":\"a\",\"priority\":\"high\"," + LINES + "}",
						"$.priority: expected an integer"),
				Arguments.of("duplicate key", "{\"customer\":\"a\",\"customer\":\"b\",\"priority\":1," + LINES + "}",
						"Duplicate property at line 1"),
				Arguments.of("trailing garbage", "{\"customer\":\"a\",\"priority\":1," + LINES + "} {}",
						"Unexpected content after the JSON value"),
				Arguments.of("null for a primitive", "{\"customer\":\"a\",\"priority\":null," + LINES + "}",
						"null is not allowed at $.priority"),
				Arguments.of("10k nested arrays",
						"{\"extra\":" + "[".repeat(10_000) + "]".repeat(10_000) + ",\"customer\":\"a\"," + LINES + "}",
						"exceeds the server's limits"),
				Arguments.of("garbage after the value", "{\"customer\":\"a\",\"priority\":1," + LINES + "} x",
						"Malformed JSON at line 1, column"),
				Arguments.of("not JSON at all", "customer=a", "Malformed JSON at line 1, column"),
				Arguments.of("empty", "", "missing"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badBodies")
	void badBodyIsA400ThatSaysWhereAndWhat(String name, String body, String expectedDetail) throws Exception {
		HttpResponse<String> response = this.http.post("/errors/orders", body, "application/json", "X-Request-ID",
				"bad-body-1");
		assertProblem(response, expectedDetail);
	}

	@Test
	void invalidUtf8IsA400() throws Exception {
		byte[] body = "{\"customer\":\"a\u00ff\",\"priority\":1,\"lines\":[]}".getBytes(StandardCharsets.ISO_8859_1);
		assertProblem(this.http.postBytes("/errors/orders", body, "application/json"), "not valid UTF-8");
	}

	@Test
	void unknownPropertiesAreAcceptedByDefault() {
		HttpResponse<String> response = this.http.post("/errors/orders",
				"{\"customer\":\"a\",\"priority\":1,\"addedLater\":true," + LINES + "}", "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void clientsReadingThirdPartyResponsesStayLenient() {
		ErrorEndpoints.Order order = this.restClient.build()
			.get()
			.uri("http://127.0.0.1:" + downstream.port() + "/lenient")
			.retrieve()
			.body(ErrorEndpoints.Order.class);
		assertThat(order.customer()).isEqualTo("third-party");
		assertThat(order.priority()).isZero();
	}

	private void assertProblem(HttpResponse<String> response, String expectedDetail) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("code").asText()).isEqualTo("MALFORMED_REQUEST");
		assertThat(problem.get("detail").asText()).contains(expectedDetail);
		assertThat(problem.get("request_id").asText()).isNotEmpty();
		assertThat(response.body()).doesNotContain("Exception", "jackson", "com.fasterxml", "java.", "dev.hardenedboot");
	}

}
