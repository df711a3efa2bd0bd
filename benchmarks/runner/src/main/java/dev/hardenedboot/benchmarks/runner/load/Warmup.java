package dev.hardenedboot.benchmarks.runner.load;

import dev.hardenedboot.benchmarks.runner.Variant;

/**
 * How long one variant was warmed up on one endpoint before its rounds.
 * @param variant the variant
 * @param endpoint the endpoint
 * @param seconds the whole warm-up
 * @param steady whether its throughput had stopped rising when the warm-up ended ({@code false}:
 * the warm-up hit its longest)
 * @param lastRequestsPerSecond the throughput of the warm-up's last slice
 */
public record Warmup(Variant variant, String endpoint, long seconds, boolean steady, double lastRequestsPerSecond) {
}
