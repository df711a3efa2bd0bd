package dev.hardenedboot.core.report;

/**
 * What one check found.
 *
 * @param id the check's stable id, such as {@code timeouts.outbound-read}
 * @param status the outcome
 * @param reason what was measured, with the values
 * @param fix the property to set or the page to read; empty for a pass
 * @param starter the starter that owns the check: {@code core}, {@code observability},
 * {@code resilience} or {@code data}
 */
public record HardeningFinding(String id, HardeningStatus status, String reason, String fix, String starter) {

	/**
	 * A passed check.
	 * @param starter the owning starter
	 * @param id the check's id
	 * @param reason what was measured
	 * @return the finding
	 */
	public static HardeningFinding pass(String starter, String id, String reason) {
		return new HardeningFinding(id, HardeningStatus.PASS, reason, "", starter);
	}

	/**
	 * A weakness worth fixing.
	 * @param starter the owning starter
	 * @param id the check's id
	 * @param reason what was measured
	 * @param fix what to set
	 * @return the finding
	 */
	public static HardeningFinding warn(String starter, String id, String reason, String fix) {
		return new HardeningFinding(id, HardeningStatus.WARN, reason, fix, starter);
	}

	/**
	 * A weakness that takes services down.
	 * @param starter the owning starter
	 * @param id the check's id
	 * @param reason what was measured
	 * @param fix what to set
	 * @return the finding
	 */
	public static HardeningFinding fail(String starter, String id, String reason, String fix) {
		return new HardeningFinding(id, HardeningStatus.FAIL, reason, fix, starter);
	}

	/**
	 * One line for the log.
	 * @return status, id, reason and fix
	 */
	public String describe() {
		return this.status + " " + this.id + " (" + this.starter + "): " + this.reason
				+ (this.fix.isEmpty() ? "" : " Fix: " + this.fix);
	}

}
