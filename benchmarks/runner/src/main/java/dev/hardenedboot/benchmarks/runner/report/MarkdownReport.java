package dev.hardenedboot.benchmarks.runner.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.hardenedboot.benchmarks.runner.Plan;
import dev.hardenedboot.benchmarks.runner.Plan.OverloadPlan;
import dev.hardenedboot.benchmarks.runner.Variant;
import dev.hardenedboot.benchmarks.runner.load.LoadScenario;
import dev.hardenedboot.benchmarks.runner.load.Warmup;
import dev.hardenedboot.benchmarks.runner.overload.OverloadRun;
import dev.hardenedboot.benchmarks.runner.overload.OverloadSummary;
import dev.hardenedboot.benchmarks.runner.overload.OverloadWindow;

/**
 * Renders a run as the generated part of {@code docs/benchmarks.md}.
 */
public final class MarkdownReport {

	private final Summary summary;

	private final String imagePrefix;

	/**
	 * @param summary the run
	 * @param imagePrefix the charts' path relative to the page ({@code images/} for the docs)
	 */
	public MarkdownReport(Summary summary, String imagePrefix) {
		this.summary = summary;
		this.imagePrefix = imagePrefix;
	}

	public String render() {
		StringBuilder md = new StringBuilder("## Results\n\n");
		if (this.summary.isQuick()) {
			md.append("> **Quick run** (`--quick`): seconds-long parts that check the pipeline end to end on a"
					+ " busy machine. These figures are not results.\n\n");
		}
		setup(md);
		Map<String, List<VariantFigures>> figures = this.summary.figures();
		if (figures.containsKey(LoadScenario.HELLO)) {
			md.append("### `GET /hello`: the stack's per-request cost\n\n");
			loadTable(md, figures.get(LoadScenario.HELLO), true);
		}
		if (figures.containsKey(LoadScenario.DB)) {
			md.append("### `GET /hello/db`: one PostgreSQL query per request\n\n");
			loadTable(md, figures.get(LoadScenario.DB), false);
		}
		if (!figures.isEmpty()) {
			md.append("![Throughput and p99 per variant](").append(this.imagePrefix)
				.append("benchmarks-throughput.png)\n\n");
		}
		if (!this.summary.overload().isEmpty()) {
			overload(md);
		}
		targets(md);
		baseline(md);
		return md.toString();
	}

	private void setup(StringBuilder md) {
		Machine machine = this.summary.machine();
		Plan plan = this.summary.plan();
		md.append("Run on ").append(this.summary.date()).append(" with `").append(this.summary.command())
			.append("`.\n\n");
		md.append("| | |\n|---|---|\n");
		md.append("| machine | ").append(machine.cpu()).append(", ").append(machine.cores()).append(" cores, ")
			.append(String.format(Locale.ROOT, "%,d", machine.memoryMib())).append(" MiB, ").append(machine.os())
			.append(" |\n");
		md.append("| JDK (every variant, `-Xmx512m`) | ").append(machine.jdk()).append(" |\n");
		md.append("| load generator | ").append(machine.wrk()).append(", `-t").append(plan.wrkThreads()).append(" -c")
			.append(plan.wrkConnections()).append(" --latency` on loopback |\n");
		md.append("| rounds | at least ").append(plan.warmup().toSeconds())
			.append(" s of warm-up per variant and endpoint, longer while the last ")
			.append(plan.warmupSlice().toSeconds()).append(" s were more than ")
			.append(Math.round(plan.steadyWithin() * 100)).append("% faster than the ")
			.append(plan.warmupSlice().toSeconds()).append(" s before (at most ").append(plan.warmupMax().toSeconds())
			.append(" s), then ").append(plan.rounds()).append(" rounds of ").append(plan.round().toSeconds())
			.append(" s, the variants taking turns; start-up: ").append(plan.startupRounds())
			.append(" launches per variant |\n");
		List<Warmup> warmups = this.summary.load().warmups();
		if (!warmups.isEmpty()) {
			md.append("| warm-up taken | ")
				.append(warmups.stream()
					.map((w) -> "`" + w.endpoint() + "` " + w.variant().label() + " " + w.seconds() + " s"
							+ (w.steady() ? "" : " (still rising)"))
					.collect(Collectors.joining("; ")))
				.append(" |\n");
		}
		md.append("| load average at the start | ").append(machine.loadAverage()).append(" |\n\n");
		md.append("Figures are the median of the rounds, with (min–max). Ratios are taken in this run, on this"
				+ " machine; absolute figures only compare within one run.\n\n");
	}

	private void loadTable(StringBuilder md, List<VariantFigures> figures, boolean withStartup) {
		Optional<VariantFigures> plain = figures.stream().filter((f) -> f.variant() == Variant.PLAIN).findFirst();
		md.append("| variant | req/s | vs plain | p50 ms | p99 ms |");
		md.append(withStartup ? " start-up s |" : "").append(" RSS MiB | allocated per request | failed |\n");
		md.append("|---|---|---|---|---|").append(withStartup ? "---|" : "").append("---|---|---|\n");
		long failed = 0;
		for (VariantFigures f : figures) {
			failed += f.failedRequests();
			String vsPlain = plain.map((p) -> ratio(f.requestsPerSecond().median() / p.requestsPerSecond().median()))
				.orElse("–");
			md.append("| ").append(f.variant().label()).append(" | ").append(spread(f.requestsPerSecond(), "%,.0f"))
				.append(" | ").append(vsPlain).append(" | ").append(spread(f.p50Millis(), "%.2f")).append(" | ")
				.append(spread(f.p99Millis(), "%.2f")).append(" |");
			if (withStartup) {
				md.append(' ')
					.append((f.startupSeconds() != null) ? spread(f.startupSeconds(), "%.1f") : "–")
					.append(" |");
			}
			md.append(' ').append(format("%,.0f", f.rssMib().median())).append(" | ")
				.append(format("%,.0f", f.allocatedBytesPerRequest().median())).append(" B | ")
				.append(format("%,d", f.failedRequests())).append(" |\n");
		}
		md.append('\n');
		if (failed > 0) {
			md.append("**Some requests failed** (\"failed\": non-2xx answers and errors over all rounds; req/s counts"
					+ " only the others, the latencies all answers). A variant that refuses requests was measured"
					+ " doing so: see wrk's output under `benchmarks/results/raw/load/`.\n\n");
		}
	}

	private void overload(StringBuilder md) {
		OverloadPlan plan = this.summary.plan().overload();
		List<OverloadRun> runs = this.summary.overload();
		md.append("### Overload: the dependency slows from ").append(plan.fastLatency().toMillis()).append(" ms to ")
			.append(plan.slowLatency().toSeconds()).append(" s, then heals\n\n");
		md.append(String.format(Locale.ROOT,
				"`GET /hello/chain` (one query, then the dependency over HTTP) with %d clients, %s times the %d"
						+ " request threads of each variant; each client sends a request at most every %d ms and"
						+ " gives up after %d s. The dependency answers in %d ms for %d s, in %d ms for %d s, then"
						+ " in %d ms again for %d s. \"Admitted\" is every request not refused with 503/504;"
						+ " a client timeout counts at the time the client waited.%n%n",
				plan.clients(), format("%.1f", (double) plan.clients() / plan.serverThreads()).replace(".0", ""),
				plan.serverThreads(),
				plan.pace().toMillis(), plan.clientTimeout().toSeconds(),
				plan.fastLatency().toMillis(), plan.healthy().toSeconds(), plan.slowLatency().toMillis(),
				plan.slowdown().toSeconds(), plan.fastLatency().toMillis(), plan.healed().toSeconds()));
		md.append("|");
		runs.forEach((run) -> md.append(" | ").append(run.variant().label()));
		md.append(" |\n|---|");
		runs.forEach((run) -> md.append("---|"));
		md.append('\n');
		row(md, runs, "unloaded p99 (4 clients, before the run)", (s) -> millis(s.unloadedP99Millis()));
		row(md, runs, "goodput while healthy (fresh 2xx/s)", (s) -> format("%,.0f", s.healthyGoodput()));
		row(md, runs, "goodput during the slowdown (2xx/s; of them fresh)",
				(s) -> format("%,.1f", s.slowdownGoodput()) + "; " + format("%,.1f", s.slowdownFreshGoodput()));
		row(md, runs, "what the degraded dependency allows (threads / slow latency)",
				(s) -> format("%,.1f", s.allowedGoodput()));
		row(md, runs, "p99 of admitted requests during the slowdown", (s) -> millis(s.slowdownAdmittedP99Millis()));
		row(md, runs, "503/504 during the slowdown (median latency)", (s) -> format("%,d", s.slowdownFastFailures())
				+ ((s.fastFailureP50Millis() != null) ? " (" + millis(s.fastFailureP50Millis()) + ")" : ""));
		row(md, runs, "client timeouts during the slowdown", (s) -> format("%,d", s.slowdownTimeouts()));
		row(md, runs, "answers other than 2xx (whole run)", (s) -> s.errorAnswers().isEmpty() ? "none"
				: s.errorAnswers().entrySet().stream().map((e) -> e.getKey() + ": " + format("%,d", e.getValue()))
					.collect(Collectors.joining("; ")));
		row(md, runs, "most Tomcat threads busy", (s) -> orDash(s.maxBusyThreads()));
		row(md, runs, "most threads waiting for a database connection", (s) -> orDash(s.maxPending()));
		row(md, runs, "recovery after healing (fresh goodput back to 90%)",
				(s) -> (s.recoverySeconds() != null) ? format("%.0f s", s.recoverySeconds())
						: "not within " + plan.healed().toSeconds() + " s");
		row(md, runs, "`/health/live`", (s) -> (s.liveProbes() == null) ? "no probe (no actuator)"
				: (s.liveProbes() - s.liveNotUp()) + " of " + s.liveProbes() + " probes UP");
		md.append('\n');
		md.append("![Overload timeline](").append(this.imagePrefix).append("benchmarks-overload.png)\n\n");
		windows(md, runs);
	}

	private void windows(StringBuilder md, List<OverloadRun> runs) {
		md.append("<details><summary>Per ").append(this.summary.plan().overload().window().toSeconds())
			.append(" s window</summary>\n\n");
		md.append("| from s | phase |");
		for (OverloadRun run : runs) {
			String v = run.variant().label();
			md.append(' ').append(v).append(": 2xx/s (fresh) | p99 admitted ms | 503/504 per s (p50 ms) |")
				.append(" timeouts/s | busy threads | Hikari pending |");
			if (run.variant().hasLiveProbe()) {
				md.append(" live UP |");
			}
		}
		md.append("\n|---|---|");
		for (OverloadRun run : runs) {
			md.append("---|---|---|---|---|---|").append(run.variant().hasLiveProbe() ? "---|" : "");
		}
		md.append('\n');
		int count = runs.get(0).windows().size();
		for (int i = 0; i < count; i++) {
			OverloadWindow first = runs.get(0).windows().get(i);
			md.append("| ").append(first.fromSecond()).append(" | ").append(first.phase()).append(" |");
			for (OverloadRun run : runs) {
				OverloadWindow w = run.windows().get(i);
				md.append(' ')
					.append(format("%,.1f", w.goodput()))
					.append(" (")
					.append(format("%,.1f", w.freshGoodput()))
					.append(") | ")
					.append(millis(w.admittedP99Millis()))
					.append(" | ")
					.append(format("%,.1f", w.fastFailures()))
					.append((w.fastFailureP50Millis() != null) ? " (" + millis(w.fastFailureP50Millis()) + ")" : "")
					.append(" | ")
					.append(format("%,.1f", w.timeouts()))
					.append(" | ")
					.append(orDash(w.maxBusyThreads()))
					.append(" | ")
					.append(orDash(w.maxPending()))
					.append(" |");
				if (run.variant().hasLiveProbe()) {
					md.append(' ').append(w.liveUp()).append('/').append(w.liveProbes()).append(" |");
				}
			}
			md.append('\n');
		}
		md.append("\n</details>\n\n");
	}

	private void targets(StringBuilder md) {
		md.append("### Targets (issue 10)\n\n| target | required | measured | |\n|---|---|---|---|\n");
		for (TargetCheck target : this.summary.targets()) {
			String measured;
			if (target.measured() == null) {
				measured = "not measured";
			}
			else if (target.measured().isInfinite()) {
				measured = "not recovered";
			}
			else {
				measured = format("%.2f", target.measured()) + target.unit();
			}
			String result = (target.pass() == null) ? "–" : target.pass() ? "pass" : "**miss**";
			md.append("| ").append(target.description()).append(" | ").append(target.requirement()).append(" | ")
				.append(measured).append(" | ").append(result).append(" |\n");
		}
		md.append('\n');
	}

	private void baseline(StringBuilder md) {
		List<BaselineCheck> checks = this.summary.baseline();
		md.append("### Against `benchmarks/baseline.json`\n\n");
		if (checks.stream().allMatch((check) -> check.baseline() == null)) {
			md.append("No ratio has been accepted yet. After reviewing a full run, `benchmarks/run.sh"
					+ " --accept-baseline` makes its ratios the baseline; later runs flag any ratio that moved more"
					+ " than 5% the wrong way.\n\n");
		}
		long regressions = checks.stream().filter(BaselineCheck::regression).count();
		md.append(regressions + " of " + checks.size() + " ratios moved more than 5% the wrong way (a manual check,"
				+ " not a gate).\n\n");
		md.append("| ratio | baseline | now | change | |\n|---|---|---|---|---|\n");
		for (BaselineCheck check : checks) {
			md.append("| ").append(check.description()).append(" | ")
				.append((check.baseline() != null) ? format("%.3f", check.baseline()) : "–").append(" | ")
				.append((check.now() != null) ? format("%.3f", check.now()) : "–").append(" | ")
				.append((check.change() != null) ? format("%+.1f%%", check.change() * 100) : "–").append(" | ")
				.append(check.regression() ? "**regression**" : "").append(" |\n");
		}
		md.append('\n');
	}

	private static void row(StringBuilder md, List<OverloadRun> runs, String label,
			Function<OverloadSummary, String> value) {
		md.append("| ").append(label);
		runs.forEach((run) -> md.append(" | ").append(value.apply(run.summary())));
		md.append(" |\n");
	}

	private static String spread(Spread spread, String pattern) {
		return format(pattern, spread.median()) + " (" + format(pattern, spread.min()) + "–"
				+ format(pattern, spread.max()) + ")";
	}

	private static String ratio(double value) {
		return format("%.2f", value);
	}

	private static String millis(Double value) {
		if (value == null || value.isNaN()) {
			return "–";
		}
		return (value >= 100) ? format("%,.0f ms", value) : format("%.1f ms", value);
	}

	private static String orDash(Integer value) {
		return (value != null) ? value.toString() : "–";
	}

	private static String format(String pattern, Object value) {
		return String.format(Locale.ROOT, pattern, value);
	}

}
