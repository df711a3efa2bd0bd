package com.example.consumer;

import java.util.Map;
import java.util.stream.Collectors;

import dev.hardenedboot.core.report.HardeningFinding;
import dev.hardenedboot.core.report.HardeningReporter;
import dev.hardenedboot.core.report.HardeningStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user's application, with only Spring Boot's parent and our starter, starts and serves:
 * the dependency set Maven resolved for it (one OpenTelemetry version, Boot's) is one the
 * starters run on. The database is left out of this start-up: the data starter's behaviour is
 * proven against real databases by its own tests; what this test adds is the user's class path.
 * Tracing is on, as in the running application (Boot's tests switch it off by default).
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
				+ "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration,"
				+ "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration",
		"management.tracing.sampling.probability=1.0" })
class ConsumerApplicationTests {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private HardeningReporter reporter;

	@Test
	void livenessAnswersWithARequestId() {
		ResponseEntity<String> live = this.http.getForEntity("/health/live", String.class);
		assertThat(live.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(live.getHeaders().getFirst("X-Request-ID")).isNotBlank();
	}

	@Test
	void anErrorIsAProblemCarryingTheTraceOfItsRequest() {
		ResponseEntity<String> missing = this.http.getForEntity("/no-such-page", String.class);
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(missing.getBody()).containsPattern("\"trace_id\":\"[0-9a-f]{32}\"");
	}

	@Test
	void oneTracerWithAgreeingOpenTelemetryVersions() {
		Map<String, HardeningFinding> findings = this.reporter.report()
			.findings()
			.stream()
			.collect(Collectors.toMap(HardeningFinding::id, (finding) -> finding));
		assertThat(findings.get("tracing.single-tracer").status()).isEqualTo(HardeningStatus.PASS);
		assertThat(findings.get("tracing.otel-versions").status()).as(findings.get("tracing.otel-versions").reason())
			.isEqualTo(HardeningStatus.PASS);
	}

}
