package dev.hardenedboot.observability.health;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Layered probes and the bounds every health indicator runs within.
 */
@ConfigurationProperties("hardened.health")
@Validated
public class HealthProperties {

	/**
	 * Whether the probe groups, the bounds on every indicator and the process indicators
	 * (deadlocks, GC overhead) are applied.
	 */
	private boolean enabled = true;

	/**
	 * Longest one indicator may take; past it the indicator reads DOWN with the detail
	 * "timeout" and the probe answers.
	 */
	@NotNull
	private Duration timeout = Duration.ofSeconds(2);

	/**
	 * How long a finished check's result is reused, so a storm of probes does not hammer
	 * the database. Zero turns the cache off.
	 */
	@NotNull
	private Duration cacheTtl = Duration.ofSeconds(1);

	/**
	 * Threads that run health checks. At most one check per indicator is in flight, so a
	 * hung dependency holds one thread, never more.
	 */
	@Min(1)
	private int threads = 4;

	/**
	 * Most checks waiting for a thread; past it a check reads DOWN at once instead of
	 * queueing without bound.
	 */
	@Min(1)
	private int queueCapacity = 64;

	@Valid
	private final Gc gc = new Gc();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getCacheTtl() {
		return this.cacheTtl;
	}

	public void setCacheTtl(Duration cacheTtl) {
		this.cacheTtl = cacheTtl;
	}

	public int getThreads() {
		return this.threads;
	}

	public void setThreads(int threads) {
		this.threads = threads;
	}

	public int getQueueCapacity() {
		return this.queueCapacity;
	}

	public void setQueueCapacity(int queueCapacity) {
		this.queueCapacity = queueCapacity;
	}

	public Gc getGc() {
		return this.gc;
	}

	@AssertTrue(message = "must be more than zero")
	boolean isTimeoutPositive() {
		return this.timeout == null || (!this.timeout.isNegative() && !this.timeout.isZero());
	}

	@AssertTrue(message = "must not be negative")
	boolean isCacheTtlNotNegative() {
		return this.cacheTtl == null || !this.cacheTtl.isNegative();
	}

	/**
	 * The liveness indicator for time lost in stop-the-world garbage collection.
	 */
	public static class Gc {

		/**
		 * Share of wall time, in percent, that stop-the-world GC pauses may take over the
		 * window before liveness reads DOWN. Concurrent GC work (ZGC, Shenandoah cycles) is
		 * not counted.
		 */
		@Min(1)
		@Max(100)
		private int maxOverhead = 50;

		/**
		 * The sliding window the pause share is measured over.
		 */
		@NotNull
		private Duration window = Duration.ofMinutes(1);

		public int getMaxOverhead() {
			return this.maxOverhead;
		}

		public void setMaxOverhead(int maxOverhead) {
			this.maxOverhead = maxOverhead;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		@AssertTrue(message = "must be at least one second")
		boolean isWindowLongEnough() {
			return this.window == null || this.window.compareTo(Duration.ofSeconds(1)) >= 0;
		}

	}

}
