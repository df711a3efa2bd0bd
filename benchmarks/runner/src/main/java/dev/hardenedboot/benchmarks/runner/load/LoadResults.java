package dev.hardenedboot.benchmarks.runner.load;

import java.util.List;

/**
 * Everything the load scenario measured.
 * @param startups every launch
 * @param warmups every variant's warm-up on every endpoint
 * @param rounds every measured run
 */
public record LoadResults(List<Startup> startups, List<Warmup> warmups, List<LoadRound> rounds) {
}
