package dev.hardenedboot.benchmarks.runner.overload;

import java.util.Map;

/**
 * The overload scenario's figures for one variant, the ones issue 10 sets targets on.
 * @param requests requests sent during the scenario
 * @param unloadedP99Millis p99 of a few clients against the healthy dependency, before the
 * scenario
 * @param healthyGoodput fresh 2xx per second while the dependency was fast (the first window,
 * the ramp-up, left out)
 * @param slowdownGoodput 2xx per second during the slowdown, stale copies included
 * @param slowdownFreshGoodput the same without stale copies
 * @param allowedGoodput what the degraded dependency allows: server threads / slow latency
 * @param slowdownAdmittedP99Millis p99 of admitted requests during the slowdown
 * @param slowdownFastFailures 503 and 504 answers during the slowdown
 * @param fastFailureP50Millis their median latency
 * @param slowdownTimeouts requests the clients gave up on during the slowdown
 * @param recoverySeconds from healing to the first 5 s in which fresh goodput is back to 90%
 * of the healthy goodput ({@code null}: not within the run)
 * @param maxBusyThreads most Tomcat threads busy in a sample
 * @param maxPending most threads waiting for a database connection in a sample
 * @param liveProbes liveness probes sent ({@code null}: the variant has none)
 * @param liveNotUp probes that did not answer 200 within 2 s
 * @param errorAnswers answers other than 2xx over the whole scenario, by status and problem
 * code (e.g. {@code 503 OVERLOADED})
 */
public record OverloadSummary(long requests, double unloadedP99Millis, double healthyGoodput, double slowdownGoodput,
		double slowdownFreshGoodput, double allowedGoodput, Double slowdownAdmittedP99Millis, long slowdownFastFailures,
		Double fastFailureP50Millis, long slowdownTimeouts, Double recoverySeconds, Integer maxBusyThreads,
		Integer maxPending, Integer liveProbes, Integer liveNotUp, Map<String, Long> errorAnswers) {
}
