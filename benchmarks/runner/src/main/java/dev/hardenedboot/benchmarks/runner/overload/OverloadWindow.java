package dev.hardenedboot.benchmarks.runner.overload;

/**
 * One reporting window of the overload scenario (5 s in the plans). Rates are per second;
 * requests are placed by the time their answer (or timeout) came. Nullable figures are
 * {@code null} when the window had nothing to measure.
 * @param fromSecond the window's start, from the start of the scenario
 * @param phase {@code healthy}, {@code slow} or {@code healed}
 * @param goodput 2xx answers per second, stale copies included
 * @param freshGoodput 2xx answers per second that were not stale copies
 * @param fastFailures 503 and 504 answers per second
 * @param fastFailureP50Millis their median latency
 * @param timeouts requests per second the clients gave up on
 * @param errors broken connections per second
 * @param admittedP99Millis 99th percentile latency of admitted requests (not 503/504)
 * @param maxBusyThreads most Tomcat threads busy in a sample
 * @param maxPending most threads waiting for a database connection in a sample
 * @param liveUp liveness probes that answered 200
 * @param liveProbes liveness probes sent ({@code null}: the variant has none)
 */
public record OverloadWindow(int fromSecond, String phase, double goodput, double freshGoodput, double fastFailures,
		Double fastFailureP50Millis, double timeouts, double errors, Double admittedP99Millis, Integer maxBusyThreads,
		Integer maxPending, Integer liveUp, Integer liveProbes) {
}
