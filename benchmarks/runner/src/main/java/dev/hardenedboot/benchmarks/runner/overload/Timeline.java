package dev.hardenedboot.benchmarks.runner.overload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import dev.hardenedboot.benchmarks.runner.Plan.OverloadPlan;
import dev.hardenedboot.benchmarks.runner.Variant;
import dev.hardenedboot.benchmarks.runner.overload.Sampler.LiveSample;
import dev.hardenedboot.benchmarks.runner.overload.Sampler.PoolSample;

/**
 * Turns what the clients and the sampler recorded into seconds, windows and the summary.
 */
final class Timeline {

	/** Recovered: fresh goodput over five seconds at least this share of the healthy one. */
	static final double RECOVERED = 0.9;

	private static final int RECOVERY_SPAN = 5;

	private final OverloadPlan plan;

	private final int length;

	private final int healEnd;

	private final int healthyEnd;

	Timeline(OverloadPlan plan) {
		this.plan = plan;
		this.length = (int) plan.scenario().toSeconds();
		this.healthyEnd = (int) plan.healthy().toSeconds();
		this.healEnd = this.healthyEnd + (int) plan.slowdown().toSeconds();
	}

	OverloadRun analyse(Variant variant, List<Exchange> exchanges, List<PoolSample> pools, List<LiveSample> live,
			double unloadedP99Millis) {
		List<List<Exchange>> bySecond = new ArrayList<>();
		for (int i = 0; i < this.length; i++) {
			bySecond.add(new ArrayList<>());
		}
		for (Exchange exchange : exchanges) {
			int second = (int) Math.floor(exchange.endSeconds());
			if (second >= 0 && second < this.length) {
				bySecond.get(second).add(exchange);
			}
		}
		List<OverloadSecond> seconds = new ArrayList<>();
		for (int s = 0; s < this.length; s++) {
			List<Exchange> in = bySecond.get(s);
			List<PoolSample> poolsIn = within(pools, PoolSample::atSeconds, s, s + 1);
			List<LiveSample> liveIn = within(live, LiveSample::atSeconds, s, s + 1);
			seconds.add(new OverloadSecond(s, count(in, Exchange::ok), count(in, Timeline::fresh),
					count(in, Exchange::fastFailure), count(in, (e) -> e.status() == Exchange.TIMEOUT),
					p99Millis(in, Exchange::admitted), max(poolsIn, PoolSample::busyThreads),
					max(poolsIn, PoolSample::pending),
					liveIn.isEmpty() ? null : liveIn.stream().allMatch(LiveSample::up)));
		}
		int window = (int) this.plan.window().toSeconds();
		List<OverloadWindow> windows = new ArrayList<>();
		for (int from = 0; from < this.length; from += window) {
			int to = Math.min(this.length, from + window);
			windows.add(window(from, to, flatten(bySecond, from, to), pools, live, variant.hasLiveProbe()));
		}
		return new OverloadRun(variant, summary(exchanges, bySecond, seconds, pools, live, unloadedP99Millis,
				variant.hasLiveProbe()), windows, seconds);
	}

	private OverloadWindow window(int from, int to, List<Exchange> in, List<PoolSample> pools, List<LiveSample> live,
			boolean liveProbe) {
		double span = to - from;
		List<PoolSample> poolsIn = within(pools, PoolSample::atSeconds, from, to);
		List<LiveSample> liveIn = within(live, LiveSample::atSeconds, from, to);
		return new OverloadWindow(from, phase(from), count(in, Exchange::ok) / span, count(in, Timeline::fresh) / span,
				count(in, Exchange::fastFailure) / span, percentileMillis(in, Exchange::fastFailure, 50),
				count(in, (e) -> e.status() == Exchange.TIMEOUT) / span,
				count(in, (e) -> e.status() == Exchange.IO_ERROR) / span, p99Millis(in, Exchange::admitted),
				max(poolsIn, PoolSample::busyThreads), max(poolsIn, PoolSample::pending),
				liveProbe ? count(liveIn, LiveSample::up) : null, liveProbe ? liveIn.size() : null);
	}

	private OverloadSummary summary(List<Exchange> exchanges, List<List<Exchange>> bySecond,
			List<OverloadSecond> seconds, List<PoolSample> pools, List<LiveSample> live, double unloadedP99Millis,
			boolean liveProbe) {
		int window = (int) this.plan.window().toSeconds();
		// The first window is the clients' ramp-up, unless the healthy phase is no longer than it.
		int healthyFrom = (this.healthyEnd > window) ? window : 0;
		double healthyGoodput = mean(seconds, healthyFrom, this.healthyEnd);
		List<Exchange> slowdown = flatten(bySecond, this.healthyEnd, this.healEnd);
		double slowSpan = Math.max(1, this.healEnd - this.healthyEnd);
		int liveNotUp = (int) live.stream().filter((sample) -> !sample.up()).count();
		return new OverloadSummary(exchanges.size(), unloadedP99Millis, healthyGoodput,
				count(slowdown, Exchange::ok) / slowSpan, count(slowdown, Timeline::fresh) / slowSpan,
				this.plan.allowedGoodput(), p99Millis(slowdown, Exchange::admitted),
				count(slowdown, Exchange::fastFailure), percentileMillis(slowdown, Exchange::fastFailure, 50),
				count(slowdown, (e) -> e.status() == Exchange.TIMEOUT), recovery(seconds, healthyGoodput),
				max(pools, PoolSample::busyThreads), max(pools, PoolSample::pending), liveProbe ? live.size() : null,
				liveProbe ? liveNotUp : null, errorAnswers(flatten(bySecond, 0, this.length)));
	}

	/**
	 * Seconds from healing to the start of the first five seconds whose fresh goodput is back
	 * to 90% of the healthy phase's.
	 */
	Double recovery(List<OverloadSecond> seconds, double healthyGoodput) {
		if (healthyGoodput <= 0) {
			return null;
		}
		for (int s = this.healEnd; s + RECOVERY_SPAN <= this.length; s++) {
			if (mean(seconds, s, s + RECOVERY_SPAN) >= RECOVERED * healthyGoodput) {
				return (double) (s - this.healEnd);
			}
		}
		return null;
	}

	private static Map<String, Long> errorAnswers(List<Exchange> exchanges) {
		return exchanges.stream()
			.filter((e) -> e.status() >= 300)
			.collect(Collectors.groupingBy(Exchange::failureKind, TreeMap::new, Collectors.counting()));
	}

	private String phase(int second) {
		if (second < this.healthyEnd) {
			return "healthy";
		}
		return (second < this.healEnd) ? "slow" : "healed";
	}

	private static double mean(List<OverloadSecond> seconds, int from, int to) {
		if (to <= from) {
			return 0;
		}
		double sum = 0;
		for (int s = from; s < to; s++) {
			sum += seconds.get(s).freshGoodput();
		}
		return sum / (to - from);
	}

	private static boolean fresh(Exchange exchange) {
		return exchange.ok() && !exchange.stale();
	}

	private static List<Exchange> flatten(List<List<Exchange>> bySecond, int from, int to) {
		return bySecond.subList(from, to).stream().flatMap(List::stream).collect(Collectors.toList());
	}

	private static <T> int count(List<T> items, Predicate<T> predicate) {
		return (int) items.stream().filter(predicate).count();
	}

	private static Double p99Millis(List<Exchange> exchanges, Predicate<Exchange> which) {
		return percentileMillis(exchanges, which, 99);
	}

	/**
	 * Nearest-rank percentile of the latencies of the matching exchanges.
	 */
	static Double percentileMillis(List<Exchange> exchanges, Predicate<Exchange> which, double percentile) {
		long[] latencies = exchanges.stream().filter(which).mapToLong(Exchange::latencyMicros).toArray();
		if (latencies.length == 0) {
			return null;
		}
		Arrays.sort(latencies);
		int rank = (int) Math.ceil(percentile / 100.0 * latencies.length);
		return latencies[Math.max(0, rank - 1)] / 1000.0;
	}

	private static <T> List<T> within(List<T> samples, ToDoubleFunction<T> at, double from,
			double to) {
		return samples.stream().filter((s) -> at.applyAsDouble(s) >= from && at.applyAsDouble(s) < to).toList();
	}

	private static <T> Integer max(List<T> samples, ToIntFunction<T> value) {
		int max = -1;
		for (T sample : samples) {
			max = Math.max(max, value.applyAsInt(sample));
		}
		return (max < 0) ? null : max;
	}

}
