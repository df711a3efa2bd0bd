package dev.hardenedboot.core.errors;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hardenedboot.core.web.RequestContextWebTests;
import dev.hardenedboot.testsupport.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error path over a real socket answers problem details, and nothing internal reaches
 * the client.
 */
class ErrorResponsesIntegrationTests extends RequestContextWebTests {

	@RegisterExtension
	final CapturedLogs logs = new CapturedLogs(HardenedExceptionHandler.class);

	@Test
	void unexpectedExceptionNeverLeaksItsMessageAndIsLoggedOnceWithItsStack() throws Exception {
		HttpResponse<String> response = this.http.get("/errors/secret", "X-Request-ID", "secret-1");
		JsonNode problem = problem(response, 500, "INTERNAL_ERROR");
		assertThat(response.body()).doesNotContain("hunter2", "jdbc", "IllegalStateException", "at dev.");
		assertThat(problem.get("request_id").asText()).isEqualTo("secret-1");
		assertThat(problem.get("detail").asText()).contains("request_id");
		List<ILoggingEvent> errors = new ArrayList<>(this.logs.events().stream()
			.filter((event) -> event.getLevel() == Level.ERROR)
			.filter((event) -> "secret-1".equals(event.getMDCPropertyMap().get("request_id")))
			.toList());
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).getThrowableProxy().getMessage()).contains("hunter2");
	}

	@Test
	void applicationErrorCodeKeepsItsStatusTitleAndDetail() throws Exception {
		JsonNode problem = problem(this.http.get("/errors/code"), 409, "ORDER_ALREADY_SHIPPED");
		assertThat(problem.get("title").asText()).isEqualTo("Order already shipped");
		assertThat(problem.get("detail").asText()).isEqualTo("Order 42 has already shipped.");
		assertThat(problem.get("type").asText()).isEqualTo("about:blank");
		assertThat(problem.get("instance").asText()).isEqualTo("/errors/code");
	}

	@Test
	void thirdPartyExceptionMappedInConfiguration() throws Exception {
		HttpResponse<String> response = this.http.get("/errors/mapped");
		problem(response, 409, "CONFLICT");
		assertThat(response.body()).doesNotContain("internal detail");
	}

	@Test
	void responseStatusExceptionsKeepTheirStatusAndReason() throws Exception {
		JsonNode problem = problem(this.http.get("/errors/status"), 410, "HTTP_410");
		assertThat(problem.get("detail").asText()).isEqualTo("This resource is gone for good.");
	}

	@Test
	void aServerErrorOtherThan500SaysWhatHappenedButNotWhy() throws Exception {
		JsonNode problem = problem(this.http.get("/errors/unavailable"), 503, "DEPENDENCY_UNAVAILABLE");
		assertThat(problem.get("detail").asText()).startsWith("Dependency unavailable. Try again later;")
			.doesNotContain("unexpected")
			.doesNotContain("replica lag");
	}

	@Test
	void applicationAdviceWinsForWhatItHandles() {
		HttpResponse<String> response = this.http.get("/errors/user-handled");
		assertThat(response.statusCode()).isEqualTo(418);
		assertThat(response.body()).isEqualTo("handled by the application");
	}

	@Test
	void unknownRouteIsANotFoundProblem() throws Exception {
		HttpResponse<String> response = this.http.get("/no/such/thing", "X-Request-ID", "lost-2");
		JsonNode problem = problem(response, 404, "NOT_FOUND");
		assertThat(problem.get("request_id").asText()).isEqualTo("lost-2");
	}

	@Test
	void parameterValidationNamesTheParameter() throws Exception {
		JsonNode problem = problem(this.http.get("/errors/param?n=99"), 400, "VALIDATION_FAILED");
		assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("n");
		assertThat(problem(this.http.get("/errors/param"), 400, "VALIDATION_FAILED").get("errors").get(0).get("field")
			.asText()).isEqualTo("n");
		assertThat(problem(this.http.get("/errors/items/abc"), 400, "VALIDATION_FAILED").get("errors").get(0)
			.get("field")
			.asText()).isEqualTo("id");
	}

	@Test
	void bodyValidationNamesJsonPaths() throws Exception {
		HttpResponse<String> response = post("/errors/orders",
				"{\"customer\":\"\",\"priority\":1,\"lines\":[{\"sku\":\"A\",\"quantity\":0}]}");
		JsonNode problem = problem(response, 400, "VALIDATION_FAILED");
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((error) -> fields.add(error.get("field").asText()));
		assertThat(fields).containsExactlyInAnyOrder("customer", "lines[0].quantity");
	}

	@Test
	void wrongMethodAndMediaTypeAreProblems() throws Exception {
		problem(this.http.raw405(), 405, "METHOD_NOT_ALLOWED");
		problem(this.http.post("/errors/orders", "customer=x", "application/x-www-form-urlencoded"), 415,
				"UNSUPPORTED_MEDIA_TYPE");
	}

	private HttpResponse<String> post(String path, String body) {
		return this.http.post(path, body, "application/json");
	}

	private JsonNode problem(HttpResponse<String> response, int status, String code) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("code").asText()).isEqualTo(code);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.has("type") && problem.has("title") && problem.has("instance")).isTrue();
		assertThat(response.body()).doesNotContain("Exception", "jackson", "at org.", "at java.");
		return problem;
	}

}
