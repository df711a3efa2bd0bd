package dev.hardenedboot.benchmarks.runner.load;

import dev.hardenedboot.benchmarks.runner.Variant;

/**
 * One launch of a variant, from the JVM's start to its first 200 on {@code GET /hello}.
 * @param variant the variant
 * @param round which launch
 * @param seconds the start-up time
 */
public record Startup(Variant variant, int round, double seconds) {
}
