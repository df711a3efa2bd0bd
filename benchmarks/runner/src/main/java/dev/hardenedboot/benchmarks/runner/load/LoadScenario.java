package dev.hardenedboot.benchmarks.runner.load;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.hardenedboot.benchmarks.runner.Plan;
import dev.hardenedboot.benchmarks.runner.Progress;
import dev.hardenedboot.benchmarks.runner.Variant;
import dev.hardenedboot.benchmarks.runner.process.FreePort;
import dev.hardenedboot.benchmarks.runner.process.JvmProbe;
import dev.hardenedboot.benchmarks.runner.process.ServiceProcess;

/**
 * Start-up, then per endpoint a warm-up of every variant followed by rounds in which the
 * variants take turns (the order rotates each round, so none is always first after a pause).
 * The variants' JVMs stay up from their last start-up launch to the end, so the JIT's work
 * of the warm-up is kept.
 */
public final class LoadScenario {

	/** The stack's per-request cost: no I/O. */
	public static final String HELLO = "/hello";

	/** One PostgreSQL query per request. */
	public static final String DB = "/hello/db";

	private static final Duration GRACE = Duration.ofSeconds(30);

	private final Plan plan;

	private final Path java;

	private final Path benchmarksDir;

	private final Path rawDir;

	private final Wrk wrk;

	private final Progress progress;

	/**
	 * @param plan durations and rounds
	 * @param java the {@code java} of the services
	 * @param benchmarksDir the {@code benchmarks/} directory (the variants' jars)
	 * @param rawDir where logs and wrk's output go
	 * @param wrk the load generator
	 * @param progress where steps are reported
	 */
	public LoadScenario(Plan plan, Path java, Path benchmarksDir, Path rawDir, Wrk wrk, Progress progress) {
		this.plan = plan;
		this.java = java;
		this.benchmarksDir = benchmarksDir;
		this.rawDir = rawDir.resolve("load");
		this.wrk = wrk;
		this.progress = progress;
	}

	/**
	 * Runs everything.
	 * @param helloVariants the variants driven on {@link #HELLO}, plain first
	 * @param dbVariants the variants driven on {@link #DB}
	 * @return what was measured
	 * @throws IOException if a variant or wrk fails
	 */
	public LoadResults run(List<Variant> helloVariants, List<Variant> dbVariants) throws IOException {
		Map<Variant, ServiceProcess> running = new EnumMap<>(Variant.class);
		Map<Variant, JvmProbe> probes = new EnumMap<>(Variant.class);
		List<Startup> startups = new ArrayList<>();
		List<Warmup> warmups = new ArrayList<>();
		List<LoadRound> rounds = new ArrayList<>();
		try {
			for (int round = 0; round < this.plan.startupRounds(); round++) {
				boolean last = round == this.plan.startupRounds() - 1;
				for (Variant variant : rotate(helloVariants, round)) {
					ServiceProcess service = start(variant, round + 1);
					startups.add(new Startup(variant, round + 1, service.startup().toMillis() / 1000.0));
					this.progress.step(variant.id() + ": started in " + service.startup().toMillis() + " ms");
					if (last) {
						running.put(variant, service);
					}
					else {
						service.stop(GRACE);
					}
				}
			}
			for (Variant variant : helloVariants) {
				probes.put(variant, JvmProbe.attach(running.get(variant).pid()));
			}
			rounds.addAll(measure(HELLO, helloVariants, running, probes, warmups));
			rounds.addAll(measure(DB, dbVariants, running, probes, warmups));
		}
		finally {
			for (JvmProbe probe : probes.values()) {
				probe.close();
			}
			for (ServiceProcess service : running.values()) {
				service.stop(GRACE);
			}
		}
		return new LoadResults(startups, warmups, rounds);
	}

	private ServiceProcess start(Variant variant, int launch) throws IOException {
		int port = FreePort.next();
		Path dir = this.rawDir.resolve(variant.id() + "-" + launch);
		return ServiceProcess.start(variant.id(), this.java, List.of("-Xmx512m"), variant.jar(this.benchmarksDir),
				List.of("--server.port=" + port), dir, URI.create("http://127.0.0.1:" + port + HELLO));
	}

	private List<LoadRound> measure(String endpoint, List<Variant> variants, Map<Variant, ServiceProcess> running,
			Map<Variant, JvmProbe> probes, List<Warmup> warmups) throws IOException {
		String slug = endpoint.substring(1).replace('/', '-');
		for (Variant variant : variants) {
			Warmup warmup = warmUp(variant, endpoint, running.get(variant).uri(endpoint), slug);
			warmups.add(warmup);
			this.progress.step(String.format("%s: warmed up on %s for %d s (%s), last slice %.0f req/s", variant.id(),
					endpoint, warmup.seconds(), warmup.steady() ? "steady" : "still rising at the limit",
					warmup.lastRequestsPerSecond()));
		}
		List<LoadRound> rounds = new ArrayList<>();
		for (int round = 0; round < this.plan.rounds(); round++) {
			for (Variant variant : rotate(variants, round)) {
				ServiceProcess service = running.get(variant);
				JvmProbe probe = probes.get(variant);
				long before = probe.allocatedBytes();
				WrkResult result = this.wrk.run(service.uri(endpoint), this.plan.round(),
						this.rawDir.resolve("wrk-" + slug + "-" + variant.id() + "-round" + (round + 1) + ".txt"));
				long allocated = probe.allocatedBytes() - before;
				long rss = service.rssKib();
				rounds.add(new LoadRound(variant, endpoint, round + 1, result,
						(result.requests() > 0) ? (double) allocated / result.requests() : 0, rss));
				this.progress.step(String.format("%s: %s round %d: %.0f req/s, p50 %.2f ms, p99 %.2f ms%s",
						variant.id(), endpoint, round + 1, result.requestsPerSecond(), result.p50Micros() / 1000,
						result.p99Micros() / 1000,
						(result.failures() > 0) ? ", " + result.failures() + " FAILED requests" : ""));
			}
		}
		return rounds;
	}

	/**
	 * The plan's least warm-up, its last slice measured on its own, then more slices until one
	 * is no more than {@code steadyWithin} faster than the slice before it (the JIT has done
	 * its work), or the most warm-up is reached.
	 */
	private Warmup warmUp(Variant variant, String endpoint, URI uri, String slug) throws IOException {
		this.progress.step(variant.id() + ": warm-up " + endpoint + " " + this.plan.warmup().toSeconds() + " s");
		String prefix = "wrk-" + slug + "-" + variant.id() + "-warmup";
		Duration slice = this.plan.warmupSlice();
		this.wrk.run(uri, this.plan.warmup().minus(slice), this.rawDir.resolve(prefix + ".txt"));
		double previous = this.wrk.run(uri, slice, this.rawDir.resolve(prefix + "-0.txt")).requestsPerSecond();
		long seconds = this.plan.warmup().toSeconds();
		for (int i = 1; seconds < this.plan.warmupMax().toSeconds(); i++) {
			double current = this.wrk.run(uri, slice, this.rawDir.resolve(prefix + "-" + i + ".txt"))
				.requestsPerSecond();
			seconds += slice.toSeconds();
			if (isSteady(previous, current, this.plan.steadyWithin())) {
				return new Warmup(variant, endpoint, seconds, true, current);
			}
			previous = current;
		}
		return new Warmup(variant, endpoint, seconds, false, previous);
	}

	/**
	 * Whether a warm-up slice shows the variant warm: no more than {@code within} faster than
	 * the slice before it (slower counts as steady: noise, not warm-up).
	 * @param previous the slice before, req/s
	 * @param current the last slice, req/s
	 * @param within the tolerance, 0.03 for 3%
	 * @return whether to stop warming up
	 */
	static boolean isSteady(double previous, double current, double within) {
		return current <= previous * (1 + within);
	}

	/**
	 * The variants in turn order for a round: round 0 as given, each next round starting one
	 * further.
	 * @param variants the variants
	 * @param round the round, from 0
	 * @return the order
	 */
	static List<Variant> rotate(List<Variant> variants, int round) {
		List<Variant> order = new ArrayList<>(variants.size());
		for (int i = 0; i < variants.size(); i++) {
			order.add(variants.get((i + round) % variants.size()));
		}
		return order;
	}

}
