package dev.hardenedboot.benchmarks.runner.load;

import java.util.List;

/**
 * Everything the load scenario measured.
 * @param startups every launch
 * @param rounds every measured run
 */
public record LoadResults(List<Startup> startups, List<LoadRound> rounds) {
}
