package dev.hardenedboot.benchmarks.runner.report;

/**
 * One of issue 10's targets against what the run measured.
 * @param description the target in words
 * @param requirement e.g. {@code >= 0.85}
 * @param measured the measured value ({@code null}: not measured in this run)
 * @param unit how to read it ({@code x} for a ratio, {@code s}, ...)
 * @param pass whether it is met ({@code null}: not measured)
 */
public record TargetCheck(String description, String requirement, Double measured, String unit, Boolean pass) {

	static TargetCheck atLeast(String description, double limit, Double measured, String unit) {
		return new TargetCheck(description, ">= " + format(limit) + unit, measured, unit,
				(measured != null && !measured.isNaN()) ? measured >= limit : null);
	}

	static TargetCheck atMost(String description, double limit, Double measured, String unit) {
		return new TargetCheck(description, "<= " + format(limit) + unit, measured, unit,
				(measured != null && !measured.isNaN()) ? measured <= limit : null);
	}

	private static String format(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

}
