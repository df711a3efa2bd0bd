package dev.hardenedboot.resilience.shedding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limit.VegasLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import dev.hardenedboot.resilience.shedding.LoadSheddingProperties.Algorithm;
import dev.hardenedboot.resilience.shedding.LoadSheddingProperties.Group;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One concurrency limiter per group of paths, and which group a path belongs to: the first
 * configured group whose pattern matches, else {@value #DEFAULT_GROUP}. Exempt paths belong
 * to no group and are never limited.
 */
class PathGroupLimiters {

	static final String DEFAULT_GROUP = "default";

	private final List<PathPattern> exempt = new ArrayList<>();

	private final List<GroupLimiter> groups = new ArrayList<>();

	private final GroupLimiter defaultGroup;

	PathGroupLimiters(LoadSheddingProperties properties) {
		this(properties, System::nanoTime);
	}

	/**
	 * @param nanoClock the clock the limiters measure latency with
	 */
	PathGroupLimiters(LoadSheddingProperties properties, LongSupplier nanoClock) {
		PathPatternParser parser = PathPatternParser.defaultInstance;
		properties.getExemptPaths().forEach((path) -> this.exempt.add(parser.parse(path)));
		properties.getGroups().forEach((name, group) -> {
			List<PathPattern> patterns = group.getPaths().stream().map(parser::parse).toList();
			this.groups.add(new GroupLimiter(name, patterns, limiter(name, properties, group, nanoClock)));
		});
		this.defaultGroup = new GroupLimiter(DEFAULT_GROUP, List.of(),
				limiter(DEFAULT_GROUP, properties, new Group(), nanoClock));
	}

	private static SimpleLimiter<Void> limiter(String name, LoadSheddingProperties defaults, Group group,
			LongSupplier nanoClock) {
		Algorithm algorithm = (group.getAlgorithm() != null) ? group.getAlgorithm() : defaults.getAlgorithm();
		int initial = (group.getInitialLimit() != null) ? group.getInitialLimit() : defaults.getInitialLimit();
		int min = (group.getMinLimit() != null) ? group.getMinLimit() : defaults.getMinLimit();
		int max = (group.getMaxLimit() != null) ? group.getMaxLimit() : defaults.getMaxLimit();
		long tolerated = defaults.getToleratedLatency().toNanos();
		Limit limit = switch (algorithm) {
			case FIXED -> FixedLimit.of(initial);
			case GRADIENT2 -> new ToleratedLatency(
					Gradient2Limit.newBuilder().initialLimit(initial).minLimit(min).maxConcurrency(max).build(),
					tolerated);
			case VEGAS -> new ToleratedLatency(
					new MinimumLimit(VegasLimit.newBuilder().initialLimit(initial).maxConcurrency(max).build(), min),
					tolerated);
		};
		return SimpleLimiter.newBuilder().named(name).limit(limit).nanoClock(nanoClock).build();
	}

	/**
	 * The group of a path, empty for an exempt path.
	 * @param path the path within the application
	 * @return the group
	 */
	Optional<GroupLimiter> groupOf(String path) {
		PathContainer container = PathContainer.parsePath(path);
		for (PathPattern pattern : this.exempt) {
			if (pattern.matches(container)) {
				return Optional.empty();
			}
		}
		for (GroupLimiter group : this.groups) {
			if (group.matches(container)) {
				return Optional.of(group);
			}
		}
		return Optional.of(this.defaultGroup);
	}

	/**
	 * Every group, the default one last.
	 * @return the groups by name
	 */
	Map<String, GroupLimiter> all() {
		Map<String, GroupLimiter> all = new LinkedHashMap<>();
		this.groups.forEach((group) -> all.put(group.name(), group));
		all.put(DEFAULT_GROUP, this.defaultGroup);
		return all;
	}

	/**
	 * A named group's limiter.
	 * @param name the group's name
	 * @param patterns the paths of the group
	 * @param limiter its limiter
	 */
	record GroupLimiter(String name, List<PathPattern> patterns, SimpleLimiter<Void> limiter) {

		boolean matches(PathContainer path) {
			for (PathPattern pattern : this.patterns) {
				if (pattern.matches(path)) {
					return true;
				}
			}
			return false;
		}

		Optional<Limiter.Listener> acquire() {
			return this.limiter.acquire(null);
		}

		int limit() {
			return this.limiter.getLimit();
		}

		int inflight() {
			return this.limiter.getInflight();
		}

	}

	/**
	 * Samples answered within the tolerated latency reach the adaptive limit as if they took
	 * exactly that long. Vegas compares each latency with the lowest it has seen, Gradient2 its
	 * short-term with its long-term average; on a busy two-core server both read a wait of a few
	 * milliseconds for a core as a queue, and lower the limit until requests are shed while
	 * every answer is still fast. With the floor, only latency above it moves the limit down.
	 */
	static final class ToleratedLatency implements Limit {

		private final Limit delegate;

		private final long toleratedNanos;

		ToleratedLatency(Limit delegate, long toleratedNanos) {
			this.delegate = delegate;
			this.toleratedNanos = toleratedNanos;
		}

		@Override
		public int getLimit() {
			return this.delegate.getLimit();
		}

		@Override
		public void notifyOnChange(Consumer<Integer> consumer) {
			this.delegate.notifyOnChange(consumer);
		}

		@Override
		public void onSample(long startTime, long rtt, int inflight, boolean didDrop) {
			this.delegate.onSample(startTime, Math.max(rtt, this.toleratedNanos), inflight, didDrop);
		}

		@Override
		public String toString() {
			return this.delegate + " (latency up to " + this.toleratedNanos / 1_000_000 + " ms tolerated)";
		}

	}

	/**
	 * VegasLimit has no lower bound of its own; a limit of 1 would serialise the service on a
	 * latency spike.
	 */
	static final class MinimumLimit implements Limit {

		private final Limit delegate;

		private final int minimum;

		MinimumLimit(Limit delegate, int minimum) {
			this.delegate = delegate;
			this.minimum = minimum;
		}

		@Override
		public int getLimit() {
			return Math.max(this.minimum, this.delegate.getLimit());
		}

		@Override
		public void notifyOnChange(Consumer<Integer> consumer) {
			this.delegate.notifyOnChange((limit) -> consumer.accept(Math.max(this.minimum, limit)));
		}

		@Override
		public void onSample(long startTime, long rtt, int inflight, boolean didDrop) {
			this.delegate.onSample(startTime, rtt, inflight, didDrop);
		}

		@Override
		public String toString() {
			return this.delegate + " (at least " + this.minimum + ")";
		}

	}

}
