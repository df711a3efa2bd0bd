package dev.hardenedboot.data.query;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Detection of one request running the same statement shape over and over: the N+1 pattern
 * of lazy loading in a loop.
 */
@ConfigurationProperties("hardened.data.repeated-query")
@Validated
public class RepeatedQueryProperties {

	/**
	 * Whether statements are counted per request by normalized SQL shape.
	 */
	private boolean enabled = true;

	/**
	 * Executions of one statement shape in one request above which the request is reported
	 * (or, in fail mode, fails). Literals and IN lists are folded, so "WHERE id = 1" and
	 * "WHERE id = 2" are one shape.
	 */
	@Min(1)
	private int threshold = 10;

	/**
	 * What happens above the threshold: 'warn' logs one WARN per request and counts it;
	 * 'fail' also fails the statement that crosses it, meant for tests and CI.
	 */
	@NotNull
	private Mode mode = Mode.WARN;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getThreshold() {
		return this.threshold;
	}

	public void setThreshold(int threshold) {
		this.threshold = threshold;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	/**
	 * What happens when a request repeats a statement shape above the threshold.
	 */
	public enum Mode {

		/** Log one WARN per request and count it. */
		WARN,

		/** Fail the statement that crosses the threshold, as well. */
		FAIL

	}

}
