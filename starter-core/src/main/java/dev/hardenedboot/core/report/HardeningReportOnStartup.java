package dev.hardenedboot.core.report;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Runs the report once every bean exists and before the web server accepts requests: one
 * INFO summary, one line per WARN and FAIL, and a refusal to start when
 * {@code hardened.report.fail-on} says so.
 */
class HardeningReportOnStartup implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(HardeningReport.class);

	private final HardeningReporter reporter;

	private final ReportProperties properties;

	HardeningReportOnStartup(HardeningReporter reporter, ReportProperties properties) {
		this.reporter = reporter;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		HardeningReport report = this.reporter.report();
		logger.info(report.summary());
		for (HardeningFinding finding : report.atLeast(HardeningStatus.WARN)) {
			if (finding.status() == HardeningStatus.FAIL) {
				logger.error(finding.describe());
			}
			else {
				logger.warn(finding.describe());
			}
		}
		List<HardeningFinding> refused = switch (this.properties.getFailOn()) {
			case NONE -> List.of();
			case FAIL -> report.atLeast(HardeningStatus.FAIL);
			case WARN -> report.atLeast(HardeningStatus.WARN);
		};
		if (!refused.isEmpty()) {
			throw new HardeningReportException(refused, this.properties.getFailOn());
		}
	}

}
