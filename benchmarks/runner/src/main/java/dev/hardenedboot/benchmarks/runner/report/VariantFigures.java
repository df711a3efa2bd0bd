package dev.hardenedboot.benchmarks.runner.report;

import java.util.List;

import dev.hardenedboot.benchmarks.runner.Variant;
import dev.hardenedboot.benchmarks.runner.load.LoadRound;
import dev.hardenedboot.benchmarks.runner.load.Startup;

/**
 * One variant's rounds on one endpoint, summed up.
 * @param variant the variant
 * @param rounds how many rounds
 * @param requestsPerSecond throughput
 * @param p50Millis median latency
 * @param p99Millis 99th percentile latency
 * @param allocatedBytesPerRequest allocation per request
 * @param rssMib resident set size after each round
 * @param startupSeconds start-up times ({@code null} when not measured with this endpoint)
 * @param failedRequests requests wrk counted as failed, over all rounds (should be 0)
 */
public record VariantFigures(Variant variant, int rounds, Spread requestsPerSecond, Spread p50Millis,
		Spread p99Millis, Spread allocatedBytesPerRequest, Spread rssMib, Spread startupSeconds,
		long failedRequests) {

	static VariantFigures of(Variant variant, List<LoadRound> rounds, List<Startup> startups) {
		return new VariantFigures(variant, rounds.size(),
				Spread.of(rounds.stream().map((r) -> r.wrk().requestsPerSecond()).toList()),
				Spread.of(rounds.stream().map((r) -> r.wrk().p50Micros() / 1000).toList()),
				Spread.of(rounds.stream().map((r) -> r.wrk().p99Micros() / 1000).toList()),
				Spread.of(rounds.stream().map(LoadRound::allocatedBytesPerRequest).toList()),
				Spread.of(rounds.stream().map((r) -> r.rssKib() / 1024.0).toList()),
				startups.isEmpty() ? null : Spread.of(startups.stream().map(Startup::seconds).toList()),
				rounds.stream().mapToLong((r) -> r.wrk().failures()).sum());
	}

}
