package dev.hardenedboot.core.report;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardenedboot.core.web.RequestContextTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/hardening} over real sockets: served on the management port, absent from
 * the main port.
 */
@SpringBootTest(classes = RequestContextTestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "management.endpoints.web.exposure.include=health,hardening" })
class HardeningEndpointIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int serverPort;

	@LocalManagementPort
	int managementPort;

	@Test
	void reportOnTheManagementPortOnly() throws Exception {
		HttpResponse<String> report = get(this.managementPort, "/actuator/hardening");
		assertThat(report.statusCode()).isEqualTo(200);
		JsonNode body = new ObjectMapper().readTree(report.body());
		assertThat(body.get("summary").get("PASS").asInt()).isPositive();
		assertThat(body.get("findings").findValuesAsText("id")).contains("timeouts.outbound-read",
				"exposure.main-port", "shutdown.graceful");
		assertThat(body.get("findings").get(0).fieldNames()).toIterable()
			.contains("id", "status", "reason", "fix", "starter");
		assertThat(get(this.serverPort, "/actuator/hardening").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
