package dev.hardenedboot.benchmarks.runner.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.hardenedboot.benchmarks.runner.Plan.OverloadPlan;
import dev.hardenedboot.benchmarks.runner.Variant;
import dev.hardenedboot.benchmarks.runner.overload.OverloadRun;
import dev.hardenedboot.benchmarks.runner.overload.OverloadSecond;
import dev.hardenedboot.benchmarks.runner.overload.OverloadSummary;

/**
 * The report's PNG charts, drawn by gnuplot (Debian's {@code gnuplot-nox}) from data files
 * and scripts written next to the raw results, so a chart can be redrawn or restyled by hand.
 */
public final class Charts {

	private static final Map<Variant, String> COLOURS = Map.of(Variant.PLAIN, "#8c8c8c", Variant.HANDWIRED_OTEL,
			"#e15759", Variant.HANDWIRED_BRIDGE, "#f28e2b", Variant.HARDENED, "#4e79a7");

	private final Path workDir;

	private final String terminal;

	/**
	 * @param workDir where data files and gnuplot scripts are written
	 * @throws IOException if the directory cannot be created
	 */
	public Charts(Path workDir) throws IOException {
		this.workDir = Files.createDirectories(workDir);
		// pngcairo draws antialiased text; the plain png terminal is the fallback.
		this.terminal = (gnuplot("set terminal pngcairo", null) == 0) ? "pngcairo" : "png";
	}

	/**
	 * Throughput and p99 per variant, one row per endpoint.
	 * @param figures per endpoint and variant
	 * @param png the chart to write
	 * @throws IOException if gnuplot fails
	 */
	public void throughput(Map<String, List<VariantFigures>> figures, Path png) throws IOException {
		Path data = this.workDir.resolve("load.dat");
		StringBuilder dat = new StringBuilder("# variant rps(median min max) p99ms(median min max) colour\n");
		List<String> endpoints = new ArrayList<>(figures.keySet());
		for (String endpoint : endpoints) {
			dat.append("# ").append(endpoint).append('\n');
			for (VariantFigures f : figures.get(endpoint)) {
				dat.append(String.format(Locale.ROOT, "\"%s\" %.1f %.1f %.1f %.3f %.3f %.3f %d%n", f.variant().id(),
						f.requestsPerSecond().median(), f.requestsPerSecond().min(), f.requestsPerSecond().max(),
						f.p99Millis().median(), f.p99Millis().min(), f.p99Millis().max(),
						Integer.parseInt(COLOURS.get(f.variant()).substring(1), 16)));
			}
			dat.append("\n\n");
		}
		Files.writeString(data, dat);
		StringBuilder gp = new StringBuilder();
		gp.append(header(png, 1200, 430 * endpoints.size()));
		gp.append("set style fill solid 0.75 border -1\nset boxwidth 0.6\nset grid ytics\nset yrange [0:*]\n");
		gp.append("set multiplot layout ").append(endpoints.size()).append(",2 title ")
			.append(quote("Median of the rounds; whiskers: min to max"))
			.append('\n');
		for (int index = 0; index < endpoints.size(); index++) {
			String endpoint = endpoints.get(index);
			int count = figures.get(endpoint).size();
			gp.append(String.format(Locale.ROOT, "set xrange [-0.6:%.1f]%n", count - 0.4));
			bars(gp, data, index, "GET " + endpoint + ": successful requests per second", 2);
			bars(gp, data, index, "GET " + endpoint + ": p99 latency (ms)", 5);
		}
		gp.append("unset multiplot\n");
		draw(gp, "throughput.gp");
	}

	private static void bars(StringBuilder gp, Path data, int index, String title, int column) {
		gp.append("set title ").append(quote(title)).append('\n');
		gp.append(String.format(Locale.ROOT,
				"plot %s index %d using 0:%d:8:xtic(1) with boxes lc rgb variable notitle, "
						+ "'' index %d using 0:%d:%d:%d with yerrorbars lc rgb '#222222' pt 0 lw 1.5 notitle%n",
				quote(data.toString()), index, column, index, column, column + 1, column + 2));
	}

	/**
	 * The overload scenario over time, the variants on the same axes, the slowdown shaded.
	 * @param runs the overload runs
	 * @param plan the scenario's plan
	 * @param png the chart to write
	 * @throws IOException if gnuplot fails
	 */
	public void overload(List<OverloadRun> runs, OverloadPlan plan, Path png) throws IOException {
		List<String> files = new ArrayList<>();
		for (OverloadRun run : runs) {
			Path data = this.workDir.resolve("overload-" + run.variant().id() + ".dat");
			Files.writeString(data, table(run.seconds(), ' ', "# "));
			files.add(quote(data.toString()));
		}
		long slowFrom = plan.healthy().toSeconds();
		long slowTo = slowFrom + plan.slowdown().toSeconds();
		StringBuilder gp = new StringBuilder(header(png, 1200, 1500));
		gp.append("set datafile missing 'NaN'\nset grid\nset key top right\nset lmargin 10\n");
		gp.append(String.format(Locale.ROOT, "set xrange [0:%d]%n", plan.scenario().toSeconds()));
		gp.append(String.format(Locale.ROOT,
				"set object 1 rect from %d, graph 0 to %d, graph 1 behind fc rgb '#fbe3e0' fs solid 1.0 noborder%n",
				slowFrom, slowTo));
		gp.append("set multiplot layout 5,1 title ")
			.append(quote(String.format(Locale.ROOT,
					"GET /hello/chain, %d clients; shaded: the dependency answers in %d ms instead of %d ms",
					plan.clients(), plan.slowLatency().toMillis(), plan.fastLatency().toMillis())))
			.append('\n');
		// Counts start at 0, and an all-zero series still gets a readable axis.
		gp.append("set yrange [0:5<*]\n");
		gp.append("set title 'Goodput: 2xx answers per second'\n");
		List<String> goodput = new ArrayList<>();
		List<String> p99 = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		List<String> busy = new ArrayList<>();
		List<String> pending = new ArrayList<>();
		for (int i = 0; i < runs.size(); i++) {
			Variant variant = runs.get(i).variant();
			String file = files.get(i);
			String colour = COLOURS.get(variant);
			goodput.add(line(file, 2, colour, 1, variant.label()));
			if (variant == Variant.HARDENED) {
				goodput.add(line(file, 3, "#59a14f", 2, variant.label() + ", fresh (not stale copies)"));
			}
			p99.add(line(file, 6, colour, 1, variant.label()));
			failures.add(line(file, 4, colour, 1, variant.label() + ": 503/504"));
			failures.add(line(file, 5, colour, 2, variant.label() + ": client timeouts"));
			busy.add(line(file, 7, colour, 1, variant.label()));
			pending.add(line(file, 8, colour, 1, variant.label()));
		}
		gp.append("plot ").append(String.join(", ", goodput)).append('\n');
		gp.append("set title 'p99 latency of admitted requests (ms, log scale)'\nset logscale y\nset yrange [*:*]\n");
		gp.append("plot ").append(String.join(", ", p99)).append("\nunset logscale y\nset yrange [0:5<*]\n");
		gp.append("set title 'Fast failures (503/504) and client timeouts per second'\n");
		gp.append("plot ").append(String.join(", ", failures)).append('\n');
		gp.append("set title ").append(quote("Tomcat busy threads" + liveness(runs))).append('\n');
		gp.append("plot ").append(String.join(", ", busy)).append('\n');
		gp.append("set title 'Threads waiting for a database connection (Hikari pending)'\n");
		gp.append("set xlabel 'seconds'\nplot ").append(String.join(", ", pending)).append('\n');
		gp.append("unset multiplot\n");
		draw(gp, "overload.gp");
	}

	private static String liveness(List<OverloadRun> runs) {
		StringBuilder text = new StringBuilder();
		for (OverloadRun run : runs) {
			OverloadSummary summary = run.summary();
			if (summary.liveProbes() != null) {
				text.append(String.format(Locale.ROOT, "; %s /health/live: %d of %d probes UP", run.variant().label(),
						summary.liveProbes() - summary.liveNotUp(), summary.liveProbes()));
			}
		}
		return text.toString();
	}

	/**
	 * The per-second series as a table (the CSV in the results and gnuplot's data file).
	 * @param seconds the series
	 * @param separator the column separator
	 * @param commentPrefix what starts the header line
	 * @return the table
	 */
	public static String table(List<OverloadSecond> seconds, char separator, String commentPrefix) {
		StringBuilder out = new StringBuilder(commentPrefix);
		out.append(String.join(String.valueOf(separator), "second", "goodput", "fresh_goodput", "fast_failures",
				"timeouts", "admitted_p99_ms", "busy_threads", "hikari_pending", "live_up"))
			.append('\n');
		for (OverloadSecond s : seconds) {
			out.append(String.join(String.valueOf(separator), Integer.toString(s.second()),
					Integer.toString(s.goodput()), Integer.toString(s.freshGoodput()),
					Integer.toString(s.fastFailures()), Integer.toString(s.timeouts()),
					(s.admittedP99Millis() != null) ? String.format(Locale.ROOT, "%.2f", s.admittedP99Millis()) : "NaN",
					(s.busyThreads() != null) ? s.busyThreads().toString() : "NaN",
					(s.pending() != null) ? s.pending().toString() : "NaN",
					(s.liveUp() != null) ? (s.liveUp() ? "1" : "0") : "NaN"))
				.append('\n');
		}
		return out.toString();
	}

	private static String line(String file, int column, String colour, int dash, String title) {
		// Points sit in the middle of their second.
		return String.format(Locale.ROOT, "%s using ($1+0.5):%d with lines lw 2 dt %d lc rgb '%s' title %s", file,
				column, dash, colour, quote(title));
	}

	private String header(Path png, int width, int height) {
		return String.format(Locale.ROOT, "set terminal %s size %d,%d%s%nset output %s%n", this.terminal, width,
				height, "pngcairo".equals(this.terminal) ? " font 'sans,10'" : "", quote(png.toString()));
	}

	private void draw(StringBuilder gp, String name) throws IOException {
		Path script = this.workDir.resolve(name);
		Files.writeString(script, gp);
		int exit = gnuplot(null, script);
		if (exit != 0) {
			throw new IOException("gnuplot failed (" + exit + ") on " + script + "; see " + script + ".log");
		}
	}

	private int gnuplot(String expression, Path script) throws IOException {
		List<String> command = new ArrayList<>(List.of("gnuplot"));
		if (expression != null) {
			command.add("-e");
			command.add(expression);
		}
		else {
			command.add(script.toString());
		}
		Path log = (script != null) ? Path.of(script + ".log") : this.workDir.resolve("gnuplot-probe.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return -1;
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	private static String quote(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

}
