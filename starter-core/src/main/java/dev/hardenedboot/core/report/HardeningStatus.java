package dev.hardenedboot.core.report;

/**
 * The outcome of one check, from best to worst.
 */
public enum HardeningStatus {

	/** The default holds. */
	PASS,

	/** A weakness worth fixing; the application runs as configured. */
	WARN,

	/** A weakness that takes services down; {@code hardened.report.fail-on=fail} refuses to start. */
	FAIL

}
