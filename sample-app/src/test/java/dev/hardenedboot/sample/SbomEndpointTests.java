package dev.hardenedboot.sample;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CycloneDX SBOM built by the Maven build is served by Boot's sbom endpoint, on the
 * management port only.
 */
class SbomEndpointTests extends SampleAppIntegrationTests {

	@Test
	void applicationSbomIsServedOnTheManagementPort() {
		ResponseEntity<JsonNode> ids = getFromManagement("/actuator/sbom");
		assertThat(ids.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(ids.getBody().get("ids").toString()).contains("\"application\"");

		JsonNode sbom = getFromManagement("/actuator/sbom/application").getBody();
		assertThat(sbom.get("bomFormat").asText()).isEqualTo("CycloneDX");
		assertThat(sbom.get("metadata").get("component").get("name").asText()).isEqualTo("hardened-boot-sample-app");
		assertThat(sbom.get("components").findValuesAsText("name")).contains("hardened-boot-starter-core",
				"spring-boot", "HikariCP");
	}

	@Test
	void actuatorIsNotOnTheMainPort() {
		assertThat(get("/actuator/sbom").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

}
