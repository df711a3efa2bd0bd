package dev.hardenedboot.benchmarks.runner.overload;

/**
 * One request of the overload scenario, as its client saw it.
 * @param startMillis when it was sent, from the start of the scenario
 * @param latencyMicros until the answer, the client's timeout, or the failure
 * @param status the HTTP status, {@link #TIMEOUT} or {@link #IO_ERROR}
 * @param stale whether a 2xx answer was a stale copy ({@code Warning: 110})
 * @param code the {@code code} of an error's {@code application/problem+json} body, if any
 */
public record Exchange(long startMillis, long latencyMicros, int status, boolean stale, String code) {

	/** The client gave up waiting. */
	public static final int TIMEOUT = -1;

	/** The connection failed or was closed without an answer. */
	public static final int IO_ERROR = -2;

	public double endSeconds() {
		return (this.startMillis + this.latencyMicros / 1000.0) / 1000.0;
	}

	public boolean ok() {
		return this.status >= 200 && this.status < 300;
	}

	/**
	 * 503 or 504: the service refused or cut the request (shedding, an open breaker, a
	 * deadline).
	 * @return whether it failed fast on purpose
	 */
	public boolean fastFailure() {
		return this.status == 503 || this.status == 504;
	}

	/**
	 * Every request the service took on: anything but a 503/504 refusal or a broken
	 * connection. A client timeout counts, at the latency the client waited.
	 * @return whether it was admitted
	 */
	public boolean admitted() {
		return !fastFailure() && this.status != IO_ERROR;
	}

	/**
	 * What a failure was, for the report: the status and the problem's code
	 * ({@code 503 OVERLOADED}, {@code 503 DEPENDENCY_UNAVAILABLE}, {@code 504 REQUEST_TIMEOUT}).
	 * @return the kind of failure
	 */
	public String failureKind() {
		return (this.code != null) ? this.status + " " + this.code : Integer.toString(this.status);
	}

}
