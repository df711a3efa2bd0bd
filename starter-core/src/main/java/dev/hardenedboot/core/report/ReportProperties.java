package dev.hardenedboot.core.report;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The hardening report.
 */
@ConfigurationProperties("hardened.report")
@Validated
public class ReportProperties {

	/**
	 * Whether the checks run at start-up and /actuator/hardening exists.
	 */
	private boolean enabled = true;

	/**
	 * Which findings stop start-up: none (report only), fail, or warn (warnings and failures).
	 * A production profile sets fail.
	 */
	@NotNull
	private FailOn failOn = FailOn.NONE;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public FailOn getFailOn() {
		return this.failOn;
	}

	public void setFailOn(FailOn failOn) {
		this.failOn = failOn;
	}

	/**
	 * Which findings stop start-up.
	 */
	public enum FailOn {

		/** None: the report is only logged. */
		NONE,

		/** Any FAIL. */
		FAIL,

		/** Any WARN or FAIL. */
		WARN

	}

}
