package dev.hardenedboot.observability.report;

import java.util.List;
import java.util.Map;

import dev.hardenedboot.core.report.HardeningFinding;
import dev.hardenedboot.core.report.HardeningStatus;
import dev.hardenedboot.observability.tracing.OpenTelemetryVersions;
import dev.hardenedboot.observability.tracing.TracerSelection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TracingChecksTests {

	@Test
	void bootsBridgeAloneIsOneTracer() {
		HardeningFinding finding = single(new SingleTracerCheck(new TracerSelection(null, true)).check());
		assertThat(finding.status()).isEqualTo(HardeningStatus.PASS);
		assertThat(finding.reason()).contains(TracerSelection.MICROMETER_OTEL);
	}

	@Test
	void anotherTracerOrNoneWarns() {
		HardeningFinding agent = single(
				new SingleTracerCheck(new TracerSelection("opentelemetry-javaagent", false)).check());
		assertThat(agent.status()).isEqualTo(HardeningStatus.WARN);
		assertThat(agent.reason()).contains("'opentelemetry-javaagent'", "management.tracing.enabled=false");
		HardeningFinding brave = single(new SingleTracerCheck(new TracerSelection("brave", true)).check());
		assertThat(brave.status()).isEqualTo(HardeningStatus.WARN);
		assertThat(brave.reason()).contains("'brave'", "two tracers may run");
		assertThat(brave.fix()).contains("micrometer-tracing-bridge-brave");
		HardeningFinding none = single(new SingleTracerCheck(new TracerSelection(null, false)).check());
		assertThat(none.status()).isEqualTo(HardeningStatus.WARN);
		assertThat(none.fix()).contains("management.tracing.enabled");
	}

	@Test
	void alignedVersionsPassWithTheVersion() {
		HardeningFinding finding = single(new OpenTelemetryVersionsCheck(new OpenTelemetryVersions(
				Map.of("opentelemetry-api", "1.49.0", "opentelemetry-api-incubator", "1.49.0-alpha")))
			.check());
		assertThat(finding.status()).isEqualTo(HardeningStatus.PASS);
		assertThat(finding.reason()).contains("agree on 1.49.0");
	}

	@Test
	void mixedVersionsFailNamingThem() {
		HardeningFinding finding = single(new OpenTelemetryVersionsCheck(
				new OpenTelemetryVersions(Map.of("opentelemetry-api", "1.49.0", "opentelemetry-sdk", "1.54.1")))
			.check());
		assertThat(finding.status()).isEqualTo(HardeningStatus.FAIL);
		assertThat(finding.reason()).contains("opentelemetry-api=1.49.0", "opentelemetry-sdk=1.54.1");
		assertThat(finding.fix()).contains("opentelemetry.version");
	}

	@Test
	void noVersionsFoundPasses() {
		assertThat(single(new OpenTelemetryVersionsCheck(new OpenTelemetryVersions(Map.of())).check()).status())
			.isEqualTo(HardeningStatus.PASS);
	}

	private static HardeningFinding single(List<HardeningFinding> findings) {
		assertThat(findings).hasSize(1);
		return findings.get(0);
	}

}
