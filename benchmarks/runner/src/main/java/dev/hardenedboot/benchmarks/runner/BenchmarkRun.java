package dev.hardenedboot.benchmarks.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hardenedboot.benchmarks.runner.load.LoadResults;
import dev.hardenedboot.benchmarks.runner.load.LoadScenario;
import dev.hardenedboot.benchmarks.runner.load.Wrk;
import dev.hardenedboot.benchmarks.runner.overload.OverloadRun;
import dev.hardenedboot.benchmarks.runner.overload.OverloadScenario;
import dev.hardenedboot.benchmarks.runner.report.Analysis;
import dev.hardenedboot.benchmarks.runner.report.Baseline;
import dev.hardenedboot.benchmarks.runner.report.BaselineCheck;
import dev.hardenedboot.benchmarks.runner.report.Charts;
import dev.hardenedboot.benchmarks.runner.report.DocsBlock;
import dev.hardenedboot.benchmarks.runner.report.Machine;
import dev.hardenedboot.benchmarks.runner.report.MarkdownReport;
import dev.hardenedboot.benchmarks.runner.report.Ratio;
import dev.hardenedboot.benchmarks.runner.report.Summary;
import dev.hardenedboot.benchmarks.runner.report.TargetCheck;
import dev.hardenedboot.benchmarks.runner.report.VariantFigures;

/**
 * One run: the load scenario, the overload scenario, then the results, the charts and the
 * report.
 * <p>
 * Where things go: a full run writes {@code benchmarks/results/summary.json} and
 * {@code overload-*.csv} (committed), the raw output under {@code benchmarks/results/raw/}
 * (ignored), the charts under {@code docs/images/} and the generated part of
 * {@code docs/benchmarks.md}. A quick run writes everything under
 * {@code benchmarks/results/quick/} (ignored), the page's generated part included, and
 * leaves the docs alone.
 */
final class BenchmarkRun {

	private static final List<Variant> HELLO_VARIANTS = List.of(Variant.PLAIN, Variant.HANDWIRED_OTEL,
			Variant.HANDWIRED_BRIDGE, Variant.HARDENED);

	private static final List<Variant> DB_VARIANTS = List.of(Variant.PLAIN, Variant.HARDENED);

	private static final List<Variant> OVERLOAD_VARIANTS = List.of(Variant.PLAIN, Variant.HARDENED);

	/** Above this one-minute load average at the start, the run warns that the machine is busy. */
	private static final double BUSY = 0.5;

	private final Options options;

	private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
		.enable(SerializationFeature.INDENT_OUTPUT);

	BenchmarkRun(Options options) {
		this.options = options;
	}

	int run() throws IOException {
		Path benchmarks = this.options.root().resolve("benchmarks");
		Path results = benchmarks.resolve("results");
		if (this.options.acceptBaseline()) {
			Map<String, Double> accepted = Baseline.accept(results.resolve("summary.json"),
					benchmarks.resolve("baseline.json"), this.json);
			System.out.println("benchmarks/baseline.json now holds " + accepted.size() + " ratios of the last run.");
			return 0;
		}
		Plan plan = this.options.plan();
		Path out = plan.isQuick() ? results.resolve("quick") : results;
		Path raw = out.resolve("raw");
		deleteRecursively(raw);
		Files.createDirectories(raw);
		Progress progress = new Progress();
		Machine machine = Machine.describe(this.options.java());
		progress.step(String.format("%s run of %s, estimated %d to %d min; machine: %s, %d cores, load average %s",
				plan.mode(), this.options.parts(), estimate(plan, plan.warmup()).toMinutes() + 1,
				estimate(plan, plan.warmupMax()).toMinutes() + 1, machine.cpu(), machine.cores(),
				machine.loadAverage()));
		if (busy(machine)) {
			progress.step("WARNING: the machine is busy; the figures of this run will be noisy");
		}
		Wrk wrk = new Wrk(raw, plan.wrkThreads(), plan.wrkConnections());
		LoadResults load = new LoadResults(List.of(), List.of(), List.of());
		if (this.options.parts().contains("load")) {
			load = new LoadScenario(plan, this.options.java(), benchmarks, raw, wrk, progress).run(HELLO_VARIANTS,
					DB_VARIANTS);
		}
		List<OverloadRun> overload = List.of();
		if (this.options.parts().contains("overload")) {
			overload = new OverloadScenario(plan.overload(), this.options.java(), benchmarks,
					benchmarks.resolve("runner/target/bench-runner.jar"), raw, wrk, progress)
				.run(OVERLOAD_VARIANTS);
		}
		Map<String, List<VariantFigures>> figures = Analysis.figures(load);
		List<Ratio> ratios = Analysis.ratios(figures, overload);
		List<TargetCheck> targets = Analysis.targets(ratios, overload);
		List<BaselineCheck> baseline = Baseline.read(benchmarks.resolve("baseline.json"), this.json).compare(ratios);
		String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
		Summary summary = new Summary(date, plan.mode(), this.options.command(), machine, plan, figures, ratios,
				targets, baseline, overload, load);
		write(summary, out, raw, progress);
		report(summary, progress);
		return 0;
	}

	private void write(Summary summary, Path out, Path raw, Progress progress) throws IOException {
		this.json.writeValue(out.resolve("summary.json").toFile(), summary);
		for (OverloadRun run : summary.overload()) {
			Files.writeString(out.resolve("overload-" + run.variant().id() + ".csv"),
					Charts.table(run.seconds(), ',', ""));
		}
		Path docs = this.options.root().resolve("docs");
		Path images = summary.isQuick() ? out : docs.resolve("images");
		Files.createDirectories(images);
		Charts charts = new Charts(raw.resolve("charts"));
		if (!summary.figures().isEmpty()) {
			charts.throughput(summary.figures(), images.resolve("benchmarks-throughput.png"));
		}
		if (!summary.overload().isEmpty()) {
			charts.overload(summary.overload(), summary.plan().overload(), images.resolve("benchmarks-overload.png"));
		}
		String block = new MarkdownReport(summary, summary.isQuick() ? "" : "images/").render();
		Path page;
		if (summary.isQuick()) {
			page = out.resolve("benchmarks.md");
			Files.writeString(page, "# Benchmarks: quick run (not results)\n\n" + DocsBlock.wrap(block) + "\n");
		}
		else {
			page = docs.resolve("benchmarks.md");
			Files.writeString(page, DocsBlock.replace(Files.readString(page), block));
		}
		progress.step("Wrote " + out.resolve("summary.json") + ", the charts in " + images + " and " + page);
	}

	private static void report(Summary summary, Progress progress) {
		for (TargetCheck target : summary.targets()) {
			String result = (target.pass() == null) ? "not measured" : target.pass() ? "pass" : "MISS";
			progress.step(String.format("target %-80s %-10s %s", target.description(), target.requirement(), result));
		}
		summary.baseline()
			.stream()
			.filter(BaselineCheck::regression)
			.forEach((check) -> progress.step(String.format("REGRESSION %s: %.3f -> %.3f (%+.1f%%)", check.key(),
					check.baseline(), check.now(), check.change() * 100)));
	}

	/**
	 * A rough duration of the run, without the build: launches take about 10 s each.
	 * @param plan the plan
	 * @param warmup each variant's warm-up per endpoint, between the plan's least and most
	 * @return the estimate
	 */
	static Duration estimate(Plan plan, Duration warmup) {
		int helloVariants = HELLO_VARIANTS.size();
		int endpointRuns = helloVariants + DB_VARIANTS.size();
		Duration launches = Duration.ofSeconds(10L * plan.startupRounds() * helloVariants);
		Duration warmups = warmup.multipliedBy(endpointRuns);
		Duration rounds = plan.round().plusSeconds(2).multipliedBy((long) plan.rounds() * endpointRuns);
		Plan.OverloadPlan o = plan.overload();
		Duration overload = Duration.ofSeconds(25)
			.plus(o.warmup())
			.plus(o.unloaded())
			.plus(o.scenario())
			.plus(o.clientTimeout())
			.multipliedBy(OVERLOAD_VARIANTS.size());
		return launches.plus(warmups).plus(rounds).plus(overload);
	}

	private static boolean busy(Machine machine) {
		try {
			return Double.parseDouble(machine.loadAverage().split(" ")[0]) > BUSY;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
