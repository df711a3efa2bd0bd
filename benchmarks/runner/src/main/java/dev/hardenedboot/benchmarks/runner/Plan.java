package dev.hardenedboot.benchmarks.runner;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * How long and how hard each part of a run goes.
 * @param mode {@code full} or {@code quick}
 * @param startupRounds launches per variant for the start-up figure (the last launch stays up
 * for the load rounds)
 * @param warmup the least wrk load on an endpoint before its rounds, per variant
 * @param warmupMax the most: the warm-up goes on in {@code warmupSlice}s past {@code warmup}
 * while the variant is still getting faster
 * @param warmupSlice one slice of the warm-up
 * @param steadyWithin how much faster than the slice before the last slice may be for the
 * variant to count as warm (0.03: 3%)
 * @param round one measured wrk run
 * @param rounds measured runs per variant and endpoint, the variants taking turns
 * @param wrkThreads wrk {@code -t}
 * @param wrkConnections wrk {@code -c}
 * @param overload the overload scenario's plan
 */
public record Plan(String mode, int startupRounds, Duration warmup, Duration warmupMax, Duration warmupSlice,
		double steadyWithin, Duration round, int rounds, int wrkThreads, int wrkConnections, OverloadPlan overload) {

	/**
	 * What issue 10 asks for: at least 120 s of warm-up, three alternating 20 s rounds, wrk
	 * {@code -t2 -c50}, and the overload scenario at three times the clients the service's
	 * threads can hold. A variant with more code keeps the JIT busy for longer, so past 120 s
	 * the warm-up goes on in 10 s slices until a slice is less than 3% faster than the one
	 * before (at most 300 s).
	 * @return the full plan
	 */
	public static Plan full() {
		return new Plan("full", 3, Duration.ofSeconds(120), Duration.ofSeconds(300), Duration.ofSeconds(10), 0.03,
				Duration.ofSeconds(20), 3, 2, 50,
				new OverloadPlan(Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(20),
						Duration.ofSeconds(60), Duration.ofSeconds(60), 600, Duration.ofSeconds(1),
						Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofSeconds(3), 200,
						Duration.ofSeconds(5)));
	}

	/**
	 * Seconds-long parts, to check that the pipeline runs end to end; its figures mean
	 * nothing. The healed phase stays long enough for a breaker's 30 s open period.
	 * @return the quick plan
	 */
	public static Plan quick() {
		return new Plan("quick", 1, Duration.ofSeconds(5), Duration.ofSeconds(9), Duration.ofSeconds(2), 0.03,
				Duration.ofSeconds(3), 2, 2, 50,
				new OverloadPlan(Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(10),
						Duration.ofSeconds(10), Duration.ofSeconds(40), 120, Duration.ofSeconds(1),
						Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofSeconds(3), 200,
						Duration.ofSeconds(5)));
	}

	@JsonIgnore
	public boolean isQuick() {
		return "quick".equals(this.mode);
	}

	/**
	 * The overload scenario: clients that each send one request per {@code pace} (waiting for
	 * the answer or their timeout first) drive {@code GET /hello/chain} while the dependency is
	 * fast, then slow, then healed.
	 * @param warmup wrk load on {@code /hello/chain} after start-up
	 * @param unloaded a few clients against the healthy dependency, for the unloaded p99
	 * @param healthy full load, dependency fast
	 * @param slowdown full load, dependency slow
	 * @param healed full load, dependency fast again
	 * @param clients concurrent clients
	 * @param pace the least time between two requests of one client
	 * @param clientTimeout when a client gives up on an answer
	 * @param fastLatency the dependency's latency when healthy
	 * @param slowLatency the dependency's latency during the slowdown
	 * @param serverThreads Tomcat's {@code server.tomcat.threads.max} in both variants
	 * @param window the reporting window
	 */
	public record OverloadPlan(Duration warmup, Duration unloaded, Duration healthy, Duration slowdown,
			Duration healed, int clients, Duration pace, Duration clientTimeout, Duration fastLatency,
			Duration slowLatency, int serverThreads, Duration window) {

		@JsonIgnore
		public Duration scenario() {
			return this.healthy.plus(this.slowdown).plus(this.healed);
		}

		/**
		 * What a service that only waits on the degraded dependency can answer per second:
		 * all its threads, each held for the slow latency.
		 * @return requests per second
		 */
		@JsonIgnore
		public double allowedGoodput() {
			return this.serverThreads / (this.slowLatency.toMillis() / 1000.0);
		}

	}

}
