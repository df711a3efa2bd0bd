package dev.hardenedboot.benchmarks.runner.overload;

/**
 * One second of the overload scenario, for the timeline chart and the recovery time. Same
 * definitions as {@link OverloadWindow}.
 * @param second from the start of the scenario
 * @param goodput 2xx answers in that second
 * @param freshGoodput 2xx answers that were not stale copies
 * @param fastFailures 503 and 504 answers
 * @param timeouts requests the clients gave up on
 * @param admittedP99Millis 99th percentile latency of admitted requests
 * @param busyThreads Tomcat's busy threads
 * @param pending threads waiting for a database connection
 * @param liveUp whether the liveness probe answered 200 ({@code null}: none was sent)
 */
public record OverloadSecond(int second, int goodput, int freshGoodput, int fastFailures, int timeouts,
		Double admittedP99Millis, Integer busyThreads, Integer pending, Boolean liveUp) {
}
