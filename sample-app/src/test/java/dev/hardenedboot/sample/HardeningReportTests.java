package dev.hardenedboot.sample;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's hardening report: served on the management port, never on the main port, and
 * free of failures for the way the sample is configured.
 */
class HardeningReportTests extends SampleAppIntegrationTests {

	@Test
	void reportIsServedOnTheManagementPortWithoutFailures() {
		ResponseEntity<JsonNode> report = getFromManagement("/actuator/hardening");
		assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode body = report.getBody();
		assertThat(body.get("summary").get("FAIL").asInt()).isZero();
		assertThat(body.get("findings").findValuesAsText("id")).contains("exposure.main-port", "shutdown.graceful",
				"timeouts.outbound-read");
		assertThat(get("/actuator/hardening").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

}
