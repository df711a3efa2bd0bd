package dev.hardenedboot.resilience.shedding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

/**
 * Adaptive load shedding: each group of paths gets a concurrency limit that follows the
 * latency the service achieves; a request over the limit is answered 503 {@code OVERLOADED} at
 * once instead of queueing behind the ones the service can still serve in time.
 */
@ConfigurationProperties("hardened.resilience.load-shedding")
@Validated
public class LoadSheddingProperties {

	/** Whether requests over the concurrency limit are shed. */
	private boolean enabled = true;

	/**
	 * How the limit moves: vegas (follows the queue estimated from the lowest latency seen),
	 * gradient2 (follows the ratio of long-term to short-term latency), or fixed (initial-limit,
	 * never moves). Vegas kept latency lowest under sustained overload; see docs/decisions.md.
	 */
	@NotNull
	private Algorithm algorithm = Algorithm.VEGAS;

	/** Concurrency limit at start-up, before any latency is measured. */
	@Min(1)
	private int initialLimit = 50;

	/** Lowest the limit falls to, however slow the service gets. */
	@Min(1)
	private int minLimit = 10;

	/** Highest the limit rises to. Keep it at or below the server's thread count. */
	@Min(1)
	private int maxLimit = 200;

	/**
	 * Latency that is never a reason to lower an adaptive limit: requests answered within it
	 * count as answered at once. Without it, the queueing any busy server has (a few
	 * milliseconds of waiting for a core) reads as overload, and requests are shed while the
	 * service is fast. Zero makes every rise in latency count.
	 */
	@NotNull
	private Duration toleratedLatency = Duration.ofMillis(50);

	/** Retry-After of a shed request, rounded up to whole seconds. */
	@NotNull
	@DurationMin(seconds = 1)
	private Duration retryAfter = Duration.ofSeconds(1);

	/**
	 * Paths never shed: probes, health and the actuator, which must answer while the service
	 * is overloaded. Path patterns, relative to the context path.
	 */
	private List<String> exemptPaths = new ArrayList<>(
			List.of("/health/**", "/livez", "/readyz", "/deepz", "/actuator/**"));

	/**
	 * Groups of paths with a limit of their own, by name, so an expensive route cannot use up
	 * the limit of cheap ones. A request in no group is in the "default" group, which these
	 * top-level settings describe.
	 */
	@Valid
	private Map<String, Group> groups = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Algorithm getAlgorithm() {
		return this.algorithm;
	}

	public void setAlgorithm(Algorithm algorithm) {
		this.algorithm = algorithm;
	}

	public int getInitialLimit() {
		return this.initialLimit;
	}

	public void setInitialLimit(int initialLimit) {
		this.initialLimit = initialLimit;
	}

	public int getMinLimit() {
		return this.minLimit;
	}

	public void setMinLimit(int minLimit) {
		this.minLimit = minLimit;
	}

	public int getMaxLimit() {
		return this.maxLimit;
	}

	public void setMaxLimit(int maxLimit) {
		this.maxLimit = maxLimit;
	}

	public Duration getToleratedLatency() {
		return this.toleratedLatency;
	}

	public void setToleratedLatency(Duration toleratedLatency) {
		this.toleratedLatency = toleratedLatency;
	}

	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	public void setRetryAfter(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

	public List<String> getExemptPaths() {
		return this.exemptPaths;
	}

	public void setExemptPaths(List<String> exemptPaths) {
		this.exemptPaths = exemptPaths;
	}

	public Map<String, Group> getGroups() {
		return this.groups;
	}

	public void setGroups(Map<String, Group> groups) {
		this.groups = groups;
	}

	/** How a limit moves. */
	public enum Algorithm {

		/** Netflix's Gradient2Limit. */
		GRADIENT2,

		/** Netflix's VegasLimit. */
		VEGAS,

		/** The initial limit, always. */
		FIXED

	}

	/**
	 * A group of paths with its own limit. Unset settings are the top-level ones.
	 */
	public static class Group {

		/** Path patterns of the group, such as /reports/**. The first group that matches wins. */
		private List<String> paths = new ArrayList<>();

		/** How this group's limit moves. */
		@Nullable
		private Algorithm algorithm;

		/** This group's limit at start-up. */
		@Nullable
		@Min(1)
		private Integer initialLimit;

		/** Lowest this group's limit falls to. */
		@Nullable
		@Min(1)
		private Integer minLimit;

		/** Highest this group's limit rises to. */
		@Nullable
		@Min(1)
		private Integer maxLimit;

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

		@Nullable
		public Algorithm getAlgorithm() {
			return this.algorithm;
		}

		public void setAlgorithm(@Nullable Algorithm algorithm) {
			this.algorithm = algorithm;
		}

		@Nullable
		public Integer getInitialLimit() {
			return this.initialLimit;
		}

		public void setInitialLimit(@Nullable Integer initialLimit) {
			this.initialLimit = initialLimit;
		}

		@Nullable
		public Integer getMinLimit() {
			return this.minLimit;
		}

		public void setMinLimit(@Nullable Integer minLimit) {
			this.minLimit = minLimit;
		}

		@Nullable
		public Integer getMaxLimit() {
			return this.maxLimit;
		}

		public void setMaxLimit(@Nullable Integer maxLimit) {
			this.maxLimit = maxLimit;
		}

	}

}
