package dev.hardenedboot.core.report;

import java.time.Instant;
import java.util.List;

/**
 * Every check's findings at one moment.
 *
 * @param generatedAt when the checks ran
 * @param findings the findings, worst first, then by id
 */
public record HardeningReport(Instant generatedAt, List<HardeningFinding> findings) {

	/**
	 * How many findings have {@code status}.
	 * @param status the status
	 * @return the count
	 */
	public long count(HardeningStatus status) {
		return this.findings.stream().filter((finding) -> finding.status() == status).count();
	}

	/**
	 * The findings at {@code status} or worse.
	 * @param status the least severe status to include
	 * @return those findings
	 */
	public List<HardeningFinding> atLeast(HardeningStatus status) {
		return this.findings.stream().filter((finding) -> finding.status().compareTo(status) >= 0).toList();
	}

	/**
	 * The start-up summary line.
	 * @return counts per status
	 */
	public String summary() {
		return "Hardening report: " + count(HardeningStatus.PASS) + " PASS, " + count(HardeningStatus.WARN)
				+ " WARN, " + count(HardeningStatus.FAIL) + " FAIL (details at /actuator/hardening on the "
				+ "management port)";
	}

}
