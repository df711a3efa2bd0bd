package dev.hardenedboot.core.report;

import java.util.List;

/**
 * Start-up found weaknesses that {@code hardened.report.fail-on} does not accept.
 */
public class HardeningReportException extends RuntimeException {

	private final List<HardeningFinding> findings;

	private final ReportProperties.FailOn failOn;

	HardeningReportException(List<HardeningFinding> findings, ReportProperties.FailOn failOn) {
		super("The hardening report has " + findings.size() + " finding(s) at or above " + failOn);
		this.findings = List.copyOf(findings);
		this.failOn = failOn;
	}

	public List<HardeningFinding> getFindings() {
		return this.findings;
	}

	public ReportProperties.FailOn getFailOn() {
		return this.failOn;
	}

}
