package dev.hardenedboot.data.pool;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

/**
 * The workload a HikariCP pool is sized for, and what lies between the pool and its server.
 * Hikari's own settings stay under {@code spring.datasource.hikari.*}; a value set there
 * always wins over a derived one, except a {@code max-lifetime} the server would cut first.
 */
@ConfigurationProperties("hardened.data.pool")
@Validated
public class DataPoolProperties {

	/**
	 * Whether pools are sized from the declared workload and their lifetimes checked
	 * against the server's idle timeouts.
	 */
	private boolean enabled = true;

	/**
	 * Peak queries per second one instance serves. With p95-query-time, sizes the pool as
	 * ceil(2 x peak-qps x p95 seconds) when maximum-pool-size is not set. Unset: Hikari's
	 * default size, 10.
	 */
	@Nullable
	@Positive
	private Double peakQps;

	/**
	 * 95th percentile time a query holds its connection, at peak. Used with peak-qps.
	 */
	@Nullable
	@DurationMin(millis = 1)
	private Duration p95QueryTime;

	/**
	 * Largest pool the workload formula may produce: a pool of hundreds of connections
	 * only moves the queue from the application into the database.
	 */
	@Min(2)
	private int maxSizeCap = 50;

	/**
	 * Instances of the service sharing the database. When set, the derived size also keeps
	 * instances x pool size within the server's max_connections minus its reserved slots.
	 */
	@Nullable
	@Min(1)
	private Integer instances;

	/**
	 * Idle timeout of a proxy, NAT or load balancer between the pool and the database
	 * (PgBouncer's server_idle_timeout, an AWS NLB's 350s). Connections are retired and
	 * kept alive below it, as below the server's own idle timeout.
	 */
	@Nullable
	@DurationMin(seconds = 1)
	private Duration networkIdleTimeout;

	/**
	 * When a pool records the stack of the code that borrows a connection, so that a leak
	 * report (spring.datasource.hikari.leak-detection-threshold) can name it. on-first-leak:
	 * borrows record thread, request and route, and stacks only once the pool has leaked a
	 * connection. every-borrow: HikariCP's own leak detection, which records a stack at every
	 * borrow (about 26 us of CPU each).
	 */
	private LeakStackCapture leakStackCapture = LeakStackCapture.ON_FIRST_LEAK;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	@Nullable
	public Double getPeakQps() {
		return this.peakQps;
	}

	public void setPeakQps(@Nullable Double peakQps) {
		this.peakQps = peakQps;
	}

	@Nullable
	public Duration getP95QueryTime() {
		return this.p95QueryTime;
	}

	public void setP95QueryTime(@Nullable Duration p95QueryTime) {
		this.p95QueryTime = p95QueryTime;
	}

	public int getMaxSizeCap() {
		return this.maxSizeCap;
	}

	public void setMaxSizeCap(int maxSizeCap) {
		this.maxSizeCap = maxSizeCap;
	}

	@Nullable
	public Integer getInstances() {
		return this.instances;
	}

	public void setInstances(@Nullable Integer instances) {
		this.instances = instances;
	}

	@Nullable
	public Duration getNetworkIdleTimeout() {
		return this.networkIdleTimeout;
	}

	public void setNetworkIdleTimeout(@Nullable Duration networkIdleTimeout) {
		this.networkIdleTimeout = networkIdleTimeout;
	}

	public LeakStackCapture getLeakStackCapture() {
		return this.leakStackCapture;
	}

	public void setLeakStackCapture(LeakStackCapture leakStackCapture) {
		this.leakStackCapture = leakStackCapture;
	}

	/**
	 * When the stack of a borrow is recorded for leak reports.
	 */
	public enum LeakStackCapture {

		/**
		 * Borrows are tracked by thread, request and time; stacks are recorded from the
		 * pool's first leak on.
		 */
		ON_FIRST_LEAK,

		/**
		 * HikariCP's own leak detection: a stack at every borrow.
		 */
		EVERY_BORROW

	}

}
