package dev.hardenedboot.benchmarks.runner.report;

import java.util.List;
import java.util.Map;

import dev.hardenedboot.benchmarks.runner.Variant;
import dev.hardenedboot.benchmarks.runner.load.LoadScenario;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AnalysisTests {

	static VariantFigures figures(Variant variant, double rps, double p50, double startup, double rss) {
		Spread none = new Spread(0, 0, 0);
		return new VariantFigures(variant, 3, new Spread(rps, rps, rps), new Spread(p50, p50, p50),
				new Spread(p50 * 3, p50 * 3, p50 * 3), new Spread(10_000, 10_000, 10_000), new Spread(rss, rss, rss),
				new Spread(startup, startup, startup), 0);
	}

	static Map<String, List<VariantFigures>> hello() {
		return Map.of(LoadScenario.HELLO,
				List.of(figures(Variant.PLAIN, 10_000, 2.0, 3.0, 300),
						figures(Variant.HANDWIRED_OTEL, 7_000, 3, 9, 400),
						figures(Variant.HANDWIRED_BRIDGE, 7_400, 3, 8, 390),
						figures(Variant.HARDENED, 9_000, 2.8, 5.0, 330)));
	}

	private static Double ratio(List<Ratio> ratios, String key) {
		return ratios.stream().filter((r) -> r.key().equals(key)).findFirst().orElseThrow().value();
	}

	@Test
	void ratiosAreTakenAgainstPlainAndTheHandWiredStacks() {
		List<Ratio> ratios = Analysis.ratios(hello(), List.of());
		assertThat(ratio(ratios, "hello.rps.hardened/plain")).isCloseTo(0.9, within(1e-9));
		assertThat(ratio(ratios, "hello.rps.hardened/handwired-otel")).isCloseTo(9.0 / 7.0, within(1e-9));
		assertThat(ratio(ratios, "hello.p50.hardened/plain")).isCloseTo(1.4, within(1e-9));
		assertThat(ratio(ratios, "startup.handwired-otel/plain")).isCloseTo(3.0, within(1e-9));
		assertThat(ratio(ratios, "db.rps.hardened/plain")).isNull();
		assertThat(ratio(ratios, "overload.hardened.goodput/allowed")).isNull();
	}

	@Test
	void targetsPassMissOrAreNotMeasured() {
		List<TargetCheck> targets = Analysis.targets(Analysis.ratios(hello(), List.of()), List.of());
		assertThat(targets).filteredOn((t) -> t.description().equals("/hello throughput vs plain Boot"))
			.singleElement()
			.satisfies((t) -> assertThat(t.pass()).isTrue());
		assertThat(targets).filteredOn((t) -> t.description().equals("/hello p50 vs plain Boot"))
			.singleElement()
			.satisfies((t) -> assertThat(t.pass()).isFalse());
		assertThat(targets).filteredOn((t) -> t.description().equals("RSS vs plain Boot"))
			.singleElement()
			.satisfies((t) -> assertThat(t.pass()).isTrue());
		assertThat(targets).filteredOn((t) -> t.description().startsWith("overload"))
			.hasSize(4)
			.allSatisfy((t) -> assertThat(t.pass()).isNull());
	}

}
