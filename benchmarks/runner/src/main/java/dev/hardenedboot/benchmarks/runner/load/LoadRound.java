package dev.hardenedboot.benchmarks.runner.load;

import dev.hardenedboot.benchmarks.runner.Variant;

/**
 * One measured wrk run against one variant.
 * @param variant the variant
 * @param endpoint the path driven
 * @param round which round
 * @param wrk what wrk measured
 * @param allocatedBytesPerRequest bytes the JVM's threads allocated during the run, per
 * request
 * @param rssKib the resident set size right after the run
 */
public record LoadRound(Variant variant, String endpoint, int round, WrkResult wrk, double allocatedBytesPerRequest,
		long rssKib) {
}
