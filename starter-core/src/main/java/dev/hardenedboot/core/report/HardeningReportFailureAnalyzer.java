package dev.hardenedboot.core.report;

import java.util.Locale;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Lists the findings that stopped start-up, each with its fix.
 */
class HardeningReportFailureAnalyzer extends AbstractFailureAnalyzer<HardeningReportException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, HardeningReportException cause) {
		StringBuilder description = new StringBuilder("The hardening report found weaknesses, and "
				+ "hardened.report.fail-on=" + cause.getFailOn().name().toLowerCase(Locale.ROOT)
				+ " does not let the application start with them:\n");
		StringBuilder action = new StringBuilder();
		for (HardeningFinding finding : cause.getFindings()) {
			description.append("\n    ")
				.append(finding.status())
				.append(' ')
				.append(finding.id())
				.append(": ")
				.append(finding.reason());
			action.append(finding.id()).append(": ").append(finding.fix()).append('\n');
		}
		action.append("\nOr, to start anyway and only log the report, set hardened.report.fail-on=none.");
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

}
