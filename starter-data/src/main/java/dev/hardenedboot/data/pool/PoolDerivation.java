package dev.hardenedboot.data.pool;

import java.time.Duration;
import java.util.List;

import org.springframework.lang.Nullable;

/**
 * How one pool's settings were derived, and what to fix: the values applied, the server
 * limits they were checked against (once a connection succeeded), and one check per concern.
 * Read by the start-up log and by the hardening report.
 *
 * @param dataSource the bean name of the pool
 * @param maximumPoolSize the pool size applied
 * @param minimumIdle the idle floor applied; equal to the size for a fixed-size pool
 * @param maxLifetime the longest life of a connection
 * @param keepaliveTime how often an idle connection is pinged; zero when disabled
 * @param connectionTimeout the longest wait for a connection from the pool
 * @param leakDetectionThreshold how long a connection may be held before a leak is logged;
 * zero when disabled
 * @param server the server's limits, {@code null} until a connection succeeded or for an
 * unknown database
 * @param checks the checks, one per concern
 */
public record PoolDerivation(String dataSource, int maximumPoolSize, int minimumIdle, Duration maxLifetime,
		Duration keepaliveTime, Duration connectionTimeout, Duration leakDetectionThreshold,
		@Nullable ServerLimits server, List<Check> checks) {

	public PoolDerivation {
		checks = List.copyOf(checks);
	}

	/**
	 * Whether the server's limits have been read.
	 * @return {@code true} once a connection succeeded
	 */
	public boolean serverChecked() {
		return this.server != null;
	}

	/**
	 * Whether any check warns.
	 * @return whether the start-up log should warn
	 */
	public boolean hasWarnings() {
		return this.checks.stream().anyMatch((check) -> check.status() != Status.PASS);
	}

	/**
	 * The outcome of one check, as the hardening report lists it.
	 *
	 * @param name what is checked, such as {@code pool-size}
	 * @param status the outcome
	 * @param reason why, with the numbers that led to it
	 * @param property the property that changes it
	 */
	public record Check(String name, Status status, String reason, String property) {

	}

	/**
	 * The outcome of a check.
	 */
	public enum Status {

		PASS, WARN

	}

}
