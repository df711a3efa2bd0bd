package dev.hardenedboot.benchmarks.runner.report;

/**
 * One ratio against its accepted value in {@code benchmarks/baseline.json}.
 * @param key the ratio's key
 * @param description what it is
 * @param baseline the accepted value ({@code null}: none accepted yet)
 * @param now this run's value ({@code null}: not measured)
 * @param change {@code now / baseline - 1}
 * @param regression whether it moved more than 5% in the bad direction
 */
public record BaselineCheck(String key, String description, Double baseline, Double now, Double change,
		boolean regression) {
}
