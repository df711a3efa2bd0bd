package dev.hardenedboot.core.report;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/hardening}: the report, run on request. It describes the service's
 * weaknesses, so Hardened Boot keeps it off the main port (see {@code SensitiveEndpointsFilter}).
 */
@Endpoint(id = "hardening")
public class HardeningEndpoint {

	private final HardeningReporter reporter;

	public HardeningEndpoint(HardeningReporter reporter) {
		this.reporter = reporter;
	}

	@ReadOperation
	public Map<String, Object> report() {
		HardeningReport report = this.reporter.report();
		Map<String, Object> counts = new LinkedHashMap<>();
		for (HardeningStatus status : HardeningStatus.values()) {
			counts.put(status.name(), report.count(status));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("generatedAt", report.generatedAt().toString());
		body.put("summary", counts);
		body.put("findings", report.findings());
		return body;
	}

}
