package dev.hardenedboot.core.propagation;

import java.net.http.HttpResponse;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hardenedboot.core.web.RequestContextTestApplication;
import dev.hardenedboot.core.web.RequestContextWebTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code @Async} method started by a request, on Boot's own executor: it logs the
 * request's id, runs inside the request's observation (and so its trace), and has no
 * deadline.
 */
class AsyncPropagationIntegrationTests extends RequestContextWebTests {

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	@BeforeEach
	void captureLogs() {
		this.logged.start();
		logger().addAppender(this.logged);
	}

	@AfterEach
	void releaseLogs() {
		logger().detachAppender(this.logged);
	}

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
		assertThat(this.logged.list).anySatisfy((event) -> {
			assertThat(event.getFormattedMessage()).isEqualTo("async work for the request");
			assertThat(event.getMDCPropertyMap()).containsEntry("request_id", "async-1");
			assertThat(event.getThreadName()).isEqualTo(seen.get("thread").asText());
		});
	}

	private static Logger logger() {
		return (Logger) LoggerFactory.getLogger(RequestContextTestApplication.AsyncWork.class);
	}

}
