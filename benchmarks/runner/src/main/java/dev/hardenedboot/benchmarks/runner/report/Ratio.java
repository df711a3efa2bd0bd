package dev.hardenedboot.benchmarks.runner.report;

/**
 * One figure relative to another, measured in the same run: what is compared with the
 * baseline, because absolute figures on a shared machine mean little.
 * @param key a stable name, e.g. {@code hello.rps.hardened/plain}
 * @param description what it is, for the report
 * @param higherIsBetter whether a larger value is the better one
 * @param value the ratio ({@code null} when a side was not measured)
 */
public record Ratio(String key, String description, boolean higherIsBetter, Double value) {
}
