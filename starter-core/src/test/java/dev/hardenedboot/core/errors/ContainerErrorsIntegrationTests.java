package dev.hardenedboot.core.errors;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardenedboot.core.web.RequestContextWebTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What fails outside Spring MVC (a filter's exception, {@code sendError}) reaches the client
 * through Boot's {@code /error} in the same problem format.
 */
class ContainerErrorsIntegrationTests extends RequestContextWebTests {

	@Test
	void exceptionInAFilterIsAnInternalErrorThatLeaksNothing() throws Exception {
		HttpResponse<String> response = this.http.get("/filter/throws", "X-Request-ID", "filter-1");
		JsonNode problem = problem(response, 500, "INTERNAL_ERROR");
		assertThat(response.body()).doesNotContain("s3cr3t", "IllegalStateException");
		assertThat(problem.get("request_id").asText()).isEqualTo("filter-1");
		assertThat(problem.get("instance").asText()).isEqualTo("/filter/throws");
		assertThat(response.headers().firstValue("X-Request-ID")).contains("filter-1");
	}

	@Test
	void sendErrorBecomesTheCodeOfItsStatus() throws Exception {
		HttpResponse<String> response = this.http.get("/filter/send-error");
		problem(response, 429, "TOO_MANY_REQUESTS");
		assertThat(response.body()).doesNotContain("<script>");
	}

	@Test
	void errorCodeThrownInAFilterKeepsItsCode() throws Exception {
		HttpResponse<String> response = this.http.get("/filter/error-code");
		JsonNode problem = problem(response, 409, "CONFLICT");
		assertThat(problem.get("detail").asText()).isEqualTo("Already running.");
	}

	private JsonNode problem(HttpResponse<String> response, int status, String code) throws Exception {
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(problem.get("code").asText()).isEqualTo(code);
		return problem;
	}

}
