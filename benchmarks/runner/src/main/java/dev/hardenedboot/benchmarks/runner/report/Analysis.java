package dev.hardenedboot.benchmarks.runner.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.hardenedboot.benchmarks.runner.Variant;
import dev.hardenedboot.benchmarks.runner.load.LoadResults;
import dev.hardenedboot.benchmarks.runner.load.LoadRound;
import dev.hardenedboot.benchmarks.runner.load.LoadScenario;
import dev.hardenedboot.benchmarks.runner.load.Startup;
import dev.hardenedboot.benchmarks.runner.overload.OverloadRun;
import dev.hardenedboot.benchmarks.runner.overload.OverloadSummary;

/**
 * From measurements to figures, ratios and issue 10's targets.
 */
public final class Analysis {

	/** Recovery target: the breaker's 30 s open period plus one trial call. */
	static final double RECOVERY_TARGET_SECONDS = 35;

	private Analysis() {
	}

	/**
	 * @param load the load scenario's results
	 * @return per endpoint ({@link LoadScenario#HELLO} first), the figures of each variant
	 * measured on it, in the variants' order
	 */
	public static Map<String, List<VariantFigures>> figures(LoadResults load) {
		Map<String, List<VariantFigures>> figures = new LinkedHashMap<>();
		for (String endpoint : List.of(LoadScenario.HELLO, LoadScenario.DB)) {
			List<VariantFigures> perVariant = new ArrayList<>();
			for (Variant variant : Variant.values()) {
				List<LoadRound> rounds = load.rounds()
					.stream()
					.filter((r) -> r.variant() == variant && r.endpoint().equals(endpoint))
					.toList();
				if (rounds.isEmpty()) {
					continue;
				}
				List<Startup> startups = endpoint.equals(LoadScenario.HELLO)
						? load.startups().stream().filter((s) -> s.variant() == variant).toList() : List.of();
				perVariant.add(VariantFigures.of(variant, rounds, startups));
			}
			if (!perVariant.isEmpty()) {
				figures.put(endpoint, perVariant);
			}
		}
		return figures;
	}

	/**
	 * The ratios the report shows and the baseline keeps.
	 * @param figures per endpoint and variant
	 * @param overload the overload runs
	 * @return every ratio, {@code null}-valued where a side is missing
	 */
	public static List<Ratio> ratios(Map<String, List<VariantFigures>> figures, List<OverloadRun> overload) {
		List<Ratio> ratios = new ArrayList<>();
		List<VariantFigures> hello = figures.getOrDefault(LoadScenario.HELLO, List.of());
		for (Variant variant : List.of(Variant.HANDWIRED_OTEL, Variant.HANDWIRED_BRIDGE, Variant.HARDENED)) {
			String v = variant.id();
			ratios.add(vsPlain(hello, variant, "hello.rps." + v + "/plain", "/hello req/s, " + variant.label()
					+ " / plain", true, (f) -> f.requestsPerSecond().median()));
		}
		for (Variant handwired : List.of(Variant.HANDWIRED_OTEL, Variant.HANDWIRED_BRIDGE)) {
			ratios.add(ratio(hello, Variant.HARDENED, handwired, "hello.rps.hardened/" + handwired.id(),
					"/hello req/s, Hardened Boot / " + handwired.label(), true, (f) -> f.requestsPerSecond().median()));
		}
		for (Variant variant : List.of(Variant.HANDWIRED_OTEL, Variant.HANDWIRED_BRIDGE, Variant.HARDENED)) {
			String v = variant.id();
			String label = variant.label();
			ratios.add(vsPlain(hello, variant, "hello.p50." + v + "/plain", "/hello p50, " + label + " / plain", false,
					(f) -> f.p50Millis().median()));
			ratios.add(vsPlain(hello, variant, "hello.p99." + v + "/plain", "/hello p99, " + label + " / plain", false,
					(f) -> f.p99Millis().median()));
			ratios.add(vsPlain(hello, variant, "hello.alloc." + v + "/plain",
					"/hello allocation per request, " + label + " / plain", false,
					(f) -> f.allocatedBytesPerRequest().median()));
			ratios.add(vsPlain(hello, variant, "startup." + v + "/plain", "start-up, " + label + " / plain", false,
					(f) -> (f.startupSeconds() != null) ? f.startupSeconds().median() : null));
			ratios.add(vsPlain(hello, variant, "rss." + v + "/plain", "RSS after /hello, " + label + " / plain", false,
					(f) -> f.rssMib().median()));
		}
		List<VariantFigures> db = figures.getOrDefault(LoadScenario.DB, List.of());
		ratios.add(vsPlain(db, Variant.HARDENED, "db.rps.hardened/plain", "/hello/db req/s, Hardened Boot / plain",
				true, (f) -> f.requestsPerSecond().median()));
		ratios.add(vsPlain(db, Variant.HARDENED, "db.p50.hardened/plain", "/hello/db p50, Hardened Boot / plain",
				false, (f) -> f.p50Millis().median()));
		ratios.add(vsPlain(db, Variant.HARDENED, "db.p99.hardened/plain", "/hello/db p99, Hardened Boot / plain",
				false, (f) -> f.p99Millis().median()));
		ratios.add(vsPlain(db, Variant.HARDENED, "db.alloc.hardened/plain",
				"/hello/db allocation per request, Hardened Boot / plain", false,
				(f) -> f.allocatedBytesPerRequest().median()));
		Optional<OverloadSummary> hardened = overload(overload, Variant.HARDENED);
		ratios.add(new Ratio("overload.hardened.goodput/allowed",
				"overload, Hardened Boot's goodput during the slowdown / what the degraded dependency allows", true,
				hardened.map((s) -> s.slowdownGoodput() / s.allowedGoodput()).orElse(null)));
		ratios.add(new Ratio("overload.hardened.p99/unloaded",
				"overload, Hardened Boot's p99 of admitted requests during the slowdown / unloaded p99", false,
				hardened.map(Analysis::p99VsUnloaded).orElse(null)));
		return ratios;
	}

	/**
	 * Issue 10's targets.
	 * @param ratios this run's ratios
	 * @param overload the overload runs
	 * @return one check per target
	 */
	public static List<TargetCheck> targets(List<Ratio> ratios, List<OverloadRun> overload) {
		Map<String, Double> r = new LinkedHashMap<>();
		ratios.forEach((ratio) -> r.put(ratio.key(), ratio.value()));
		List<TargetCheck> targets = new ArrayList<>();
		targets.add(TargetCheck.atLeast("/hello throughput vs plain Boot", 0.85, r.get("hello.rps.hardened/plain"),
				"x"));
		targets.add(TargetCheck.atLeast("/hello throughput vs hand-wired (OTel starter)", 1.2,
				r.get("hello.rps.hardened/handwired-otel"), "x"));
		targets.add(TargetCheck.atLeast("/hello throughput vs hand-wired (Micrometer bridge)", 1.2,
				r.get("hello.rps.hardened/handwired-bridge"), "x"));
		targets.add(TargetCheck.atMost("/hello p50 vs plain Boot", 1.3, r.get("hello.p50.hardened/plain"), "x"));
		targets.add(TargetCheck.atMost("start-up vs plain Boot", 2, r.get("startup.hardened/plain"), "x"));
		targets.add(TargetCheck.atMost("RSS vs plain Boot", 1.2, r.get("rss.hardened/plain"), "x"));
		targets.add(TargetCheck.atLeast("/hello/db throughput vs plain Boot", 0.95, r.get("db.rps.hardened/plain"),
				"x"));
		Optional<OverloadSummary> hardened = overload(overload, Variant.HARDENED);
		targets.add(TargetCheck.atLeast("overload: goodput during the slowdown vs what the degraded dependency allows",
				0.9, r.get("overload.hardened.goodput/allowed"), "x"));
		targets.add(TargetCheck.atMost("overload: p99 of admitted requests during the slowdown vs unloaded", 2,
				r.get("overload.hardened.p99/unloaded"), "x"));
		targets.add(TargetCheck.atMost("overload: recovery after healing", RECOVERY_TARGET_SECONDS,
				hardened.map((s) -> (s.recoverySeconds() != null) ? s.recoverySeconds() : Double.POSITIVE_INFINITY)
					.orElse(null),
				" s"));
		targets.add(TargetCheck.atMost("overload: /health/live answers other than UP", 0,
				hardened.map((s) -> (s.liveNotUp() != null) ? s.liveNotUp().doubleValue() : null).orElse(null), ""));
		return targets;
	}

	private static Double p99VsUnloaded(OverloadSummary summary) {
		Double p99 = summary.slowdownAdmittedP99Millis();
		if (p99 == null || Double.isNaN(summary.unloadedP99Millis()) || summary.unloadedP99Millis() <= 0) {
			return null;
		}
		return p99 / summary.unloadedP99Millis();
	}

	static Optional<OverloadSummary> overload(List<OverloadRun> runs, Variant variant) {
		return runs.stream().filter((run) -> run.variant() == variant).map(OverloadRun::summary).findFirst();
	}

	private static Ratio vsPlain(List<VariantFigures> figures, Variant variant, String key, String description,
			boolean higherIsBetter, Function<VariantFigures, Double> value) {
		return ratio(figures, variant, Variant.PLAIN, key, description, higherIsBetter, value);
	}

	private static Ratio ratio(List<VariantFigures> figures, Variant variant, Variant reference, String key,
			String description, boolean higherIsBetter, Function<VariantFigures, Double> value) {
		Double numerator = find(figures, variant).map(value).orElse(null);
		Double denominator = find(figures, reference).map(value).orElse(null);
		Double ratio = (numerator != null && denominator != null && denominator != 0) ? numerator / denominator
				: null;
		return new Ratio(key, description, higherIsBetter, ratio);
	}

	private static Optional<VariantFigures> find(List<VariantFigures> figures, Variant variant) {
		return figures.stream().filter((f) -> f.variant() == variant).findFirst();
	}

}
