package dev.hardenedboot.benchmarks.runner.load;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What one wrk run measured, as its report script printed it.
 * @param requests completed requests (answers of any status)
 * @param durationMicros the run's length
 * @param p50Micros median latency
 * @param p90Micros 90th percentile
 * @param p99Micros 99th percentile
 * @param maxMicros the slowest request
 * @param connectErrors failed connects
 * @param readErrors failed reads
 * @param writeErrors failed writes
 * @param statusErrors answers that were neither 2xx nor 3xx
 * @param timeouts requests over wrk's timeout
 */
public record WrkResult(long requests, long durationMicros, double p50Micros, double p90Micros, double p99Micros,
		double maxMicros, long connectErrors, long readErrors, long writeErrors, long statusErrors, long timeouts) {

	/**
	 * Answers per second that were not failures: a 503 from load shedding comes back fast and
	 * would make a variant that refuses work look faster.
	 * @return successful requests per second
	 */
	@JsonIgnore
	public double requestsPerSecond() {
		return (this.requests - this.statusErrors) / (this.durationMicros / 1_000_000.0);
	}

	/**
	 * Failed requests of any kind: a round with failures measured something else than the
	 * endpoint.
	 * @return the count
	 */
	@JsonIgnore
	public long failures() {
		return this.connectErrors + this.readErrors + this.writeErrors + this.statusErrors + this.timeouts;
	}

}
