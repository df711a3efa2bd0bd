package dev.hardenedboot.benchmarks.runner.report;

import java.util.List;
import java.util.Map;

import dev.hardenedboot.benchmarks.runner.Plan;
import dev.hardenedboot.benchmarks.runner.Variant;
import dev.hardenedboot.benchmarks.runner.load.LoadResults;
import dev.hardenedboot.benchmarks.runner.load.Warmup;
import dev.hardenedboot.benchmarks.runner.overload.OverloadRun;
import dev.hardenedboot.benchmarks.runner.overload.OverloadSummary;
import dev.hardenedboot.benchmarks.runner.overload.OverloadWindow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTests {

	private static Summary summary(Plan plan) {
		return summary(plan, List.of());
	}

	private static Summary summary(Plan plan, List<OverloadRun> overload) {
		List<Ratio> ratios = Analysis.ratios(AnalysisTests.hello(), overload);
		return new Summary("2026-11-27 20:00 UTC", plan.mode(), "benchmarks/run.sh",
				new Machine("Some CPU", 2, 24_000, "Linux 6.1", "openjdk version \"17.0.15\"", "wrk 4.1.0",
						"0.01 0.02 0.03"),
				plan, AnalysisTests.hello(), ratios, Analysis.targets(ratios, overload),
				List.of(new BaselineCheck("hello.rps.hardened/plain", "/hello req/s", 1.0, 0.9, -0.1, true)), overload,
				new LoadResults(List.of(),
						List.of(new Warmup(Variant.PLAIN, "/hello", 120, true, 20_000),
								new Warmup(Variant.HARDENED, "/hello", 300, false, 15_000)),
						List.of()));
	}

	@Test
	void rendersTheTablesTargetsAndRegressions() {
		String md = new MarkdownReport(summary(Plan.full()), "images/").render();
		assertThat(md).contains("with `benchmarks/run.sh`")
			.contains("| Hardened Boot | 9,000 (9,000–9,000) | 0.90 | 2.80 (2.80–2.80) |")
			.contains("![Throughput and p99 per variant](images/benchmarks-throughput.png)")
			.contains("| /hello p50 vs plain Boot | <= 1.3x | 1.40x | **miss** |")
			.contains("| /hello/db throughput vs plain Boot | >= 0.95x | not measured | – |")
			.contains("1 of 1 ratios moved more than 5% the wrong way")
			.contains("**regression**")
			.doesNotContain("Quick run")
			.doesNotContain("### Overload");
	}

	@Test
	void rendersTheOverloadScenarioPerVariantAndWindow() {
		OverloadSummary plain = new OverloadSummary(84_000, 12.0, 590, 3.5, 3.5, 66.7, 5003.0, 0, null, 3400, null,
				200, 0, null, null, Map.of());
		OverloadSummary hardened = new OverloadSummary(84_000, 12.0, 595, 580, 4, 66.7, 15.0, 120, 2.5, 0, 28.0, 40,
				0, 140, 0, Map.of("503 OVERLOADED", 120L));
		OverloadWindow window = new OverloadWindow(0, "healthy", 590, 590, 0, null, 0, 0, 12.0, 20, 0, null, null);
		OverloadWindow live = new OverloadWindow(0, "healthy", 595, 595, 0, null, 0, 0, 11.0, 18, 0, 5, 5);
		String md = new MarkdownReport(summary(Plan.full(), List.of(
				new OverloadRun(Variant.PLAIN, plain, List.of(window), List.of()),
				new OverloadRun(Variant.HARDENED, hardened, List.of(live), List.of()))), "images/").render();
		assertThat(md).contains("with 600 clients, 3 times the 200 request threads")
			.contains("| recovery after healing (fresh goodput back to 90%) | not within 60 s | 28 s |")
			.contains("| answers other than 2xx (whole run) | none | 503 OVERLOADED: 120 |")
			.contains("| `/health/live` | no probe (no actuator) | 140 of 140 probes UP |")
			.contains("| 0 | healthy | 590.0 (590.0) | 12.0 ms |")
			.contains("| 595.0 (595.0) | 11.0 ms | 0.0 | 0.0 | 18 | 0 | 5/5 |")
			.contains("| overload: recovery after healing | <= 35 s | 28.00 s | pass |")
			.contains("![Overload timeline](images/benchmarks-overload.png)");
	}

	@Test
	void aQuickRunSaysItsFiguresAreNotResults() {
		assertThat(new MarkdownReport(summary(Plan.quick()), "").render()).contains("**Quick run**")
			.contains("These figures are not results");
	}

}
