package dev.hardenedboot.observability.report;

import java.util.List;
import java.util.Map;

import dev.hardenedboot.core.report.HardeningCheck;
import dev.hardenedboot.core.report.HardeningFinding;
import dev.hardenedboot.observability.tracing.OpenTelemetryVersions;

/**
 * The OpenTelemetry API, SDK and incubator on one version: a mix fails at run time with
 * {@code NoClassDefFoundError} or {@code NoSuchMethodError}, far from its cause.
 */
class OpenTelemetryVersionsCheck implements HardeningCheck {

	static final String ID = "tracing.otel-versions";

	private final OpenTelemetryVersions versions;

	OpenTelemetryVersionsCheck(OpenTelemetryVersions versions) {
		this.versions = versions;
	}

	@Override
	public List<HardeningFinding> check() {
		Map<String, String> found = this.versions.getVersions();
		if (found.isEmpty()) {
			return List.of(HardeningFinding.pass("observability", ID,
					"No OpenTelemetry artifact declares its version in its manifest; nothing to compare."));
		}
		if (this.versions.isAligned()) {
			String version = found.values().iterator().next().replace("-alpha", "");
			return List.of(HardeningFinding.pass("observability", ID,
					"OpenTelemetry artifacts agree on " + version + ": " + found + "."));
		}
		return List.of(HardeningFinding.fail("observability", ID,
				"OpenTelemetry artifacts disagree on their version: " + found
						+ "; expect NoClassDefFoundError or NoSuchMethodError at run time.",
				"Align them on Boot's managed version: remove the explicit versions or set the opentelemetry.version "
						+ "property, and check `mvn dependency:tree -Dincludes=io.opentelemetry`."));
	}

}
