package dev.hardenedboot.core.propagation;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardenedboot.core.web.RequestContextTestApplication;
import dev.hardenedboot.core.web.RequestContextWebTests;
import dev.hardenedboot.testsupport.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code @Async} method started by a request, on Boot's own executor: it logs the
 * request's id, runs inside the request's observation (and so its trace), and has no
 * deadline.
 */
class AsyncPropagationIntegrationTests extends RequestContextWebTests {

	@RegisterExtension
	final CapturedLogs logs = new CapturedLogs(RequestContextTestApplication.AsyncWork.class);

	@Test
	void asyncTaskCarriesRequestIdAndObservationButNotTheDeadline() throws Exception {
		HttpResponse<String> response = this.http.get("/async", "X-Request-ID", "async-1",
				"X-Request-Timeout", "5s");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode seen = this.json.readTree(response.body());
		assertThat(seen.get("thread").asText()).isNotEqualTo(seen.get("requestThread").asText());
		assertThat(seen.get("mdc").asText()).isEqualTo("async-1");
		assertThat(seen.get("requestId").asText()).isEqualTo("async-1");
		assertThat(seen.get("hasDeadline").asBoolean()).isFalse();
		assertThat(seen.get("sameObservation").asBoolean()).isTrue();
		assertThat(this.logs.events()).anySatisfy((event) -> {
			assertThat(event.getFormattedMessage()).isEqualTo("async work for the request");
			assertThat(event.getMDCPropertyMap()).containsEntry("request_id", "async-1");
			assertThat(event.getThreadName()).isEqualTo(seen.get("thread").asText());
		});
	}

}
