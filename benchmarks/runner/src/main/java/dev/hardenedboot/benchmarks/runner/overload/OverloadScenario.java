package dev.hardenedboot.benchmarks.runner.overload;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.hardenedboot.benchmarks.runner.Plan.OverloadPlan;
import dev.hardenedboot.benchmarks.runner.Progress;
import dev.hardenedboot.benchmarks.runner.Variant;
import dev.hardenedboot.benchmarks.runner.load.Wrk;
import dev.hardenedboot.benchmarks.runner.process.FreePort;
import dev.hardenedboot.benchmarks.runner.process.JvmProbe;
import dev.hardenedboot.benchmarks.runner.process.ServiceProcess;

/**
 * Issue 10's timeout avalanche: {@code GET /hello/chain} (one query, then a call to the
 * dependency) under three times the clients the service's threads can hold, while the
 * dependency goes from fast to slow and back. Plain Boot and Hardened Boot each get a fresh
 * JVM, the same warm-up and the same clients.
 */
public final class OverloadScenario {

	private static final String PATH = "/hello/chain";

	/** Clients and pace of the unloaded p99: a few requests at a time, never queueing. */
	private static final int UNLOADED_CLIENTS = 4;

	private static final Duration UNLOADED_PACE = Duration.ofMillis(50);

	private final OverloadPlan plan;

	private final Path java;

	private final Path benchmarksDir;

	private final Path runnerJar;

	private final Path rawDir;

	private final Wrk wrk;

	private final Progress progress;

	/**
	 * @param plan durations, clients, latencies
	 * @param java the {@code java} of the services and the stub
	 * @param benchmarksDir the {@code benchmarks/} directory (the variants' jars)
	 * @param runnerJar this tool's jar, which also runs the stub
	 * @param rawDir where logs and wrk's output go
	 * @param wrk wrk for the warm-up
	 * @param progress where steps are reported
	 */
	public OverloadScenario(OverloadPlan plan, Path java, Path benchmarksDir, Path runnerJar, Path rawDir, Wrk wrk,
			Progress progress) {
		this.plan = plan;
		this.java = java;
		this.benchmarksDir = benchmarksDir;
		this.runnerJar = runnerJar;
		this.rawDir = rawDir.resolve("overload");
		this.wrk = wrk;
		this.progress = progress;
	}

	public List<OverloadRun> run(List<Variant> variants) throws IOException {
		int stubPort = FreePort.next();
		URI stubUri = URI.create("http://127.0.0.1:" + stubPort);
		List<OverloadRun> runs = new ArrayList<>();
		ServiceProcess stub = ServiceProcess.start("stub", this.java, List.of("-Xmx256m"), this.runnerJar,
				List.of("stub", "--port=" + stubPort, "--latency-ms=" + this.plan.fastLatency().toMillis()),
				this.rawDir.resolve("stub"), stubUri.resolve("/admin/latency"));
		try {
			StubControl control = new StubControl(stubUri);
			for (Variant variant : variants) {
				runs.add(run(variant, control, stubUri));
			}
		}
		finally {
			stub.close();
		}
		return runs;
	}

	private OverloadRun run(Variant variant, StubControl stub, URI stubUri) throws IOException {
		stub.latency(this.plan.fastLatency());
		int port = FreePort.next();
		// The MBeans the sampler reads; both are off in Boot by default.
		List<String> args = List.of("--server.port=" + port, "--bench.dependency-url=" + stubUri,
				"--server.tomcat.mbeanregistry.enabled=true", "--spring.datasource.hikari.register-mbeans=true");
		Path dir = this.rawDir.resolve(variant.id());
		this.progress.step(variant.id() + ": starting for the overload scenario");
		try (ServiceProcess service = ServiceProcess.start(variant.id(), this.java, List.of("-Xmx512m"),
				variant.jar(this.benchmarksDir), args, dir, URI.create("http://127.0.0.1:" + port + "/hello"));
				JvmProbe probe = JvmProbe.attach(service.pid())) {
			URI uri = service.uri(PATH);
			this.progress.step(variant.id() + ": warm-up " + PATH + " " + this.plan.warmup().toSeconds() + " s");
			this.wrk.run(uri, this.plan.warmup(), dir.resolve("wrk-warmup.txt"));
			this.progress.step(variant.id() + ": unloaded p99, " + UNLOADED_CLIENTS + " clients");
			OverloadClients few = new OverloadClients(uri, UNLOADED_CLIENTS, UNLOADED_PACE,
					this.plan.clientTimeout());
			few.start(System.nanoTime());
			sleep(this.plan.unloaded());
			Double unloadedP99 = Timeline.percentileMillis(few.stop(), Exchange::ok, 99);
			this.progress.step(variant.id() + ": " + this.plan.clients() + " clients, dependency "
					+ this.plan.fastLatency().toMillis() + " ms -> " + this.plan.slowLatency().toMillis() + " ms -> "
					+ this.plan.fastLatency().toMillis() + " ms over " + this.plan.scenario().toSeconds() + " s");
			OverloadClients clients = new OverloadClients(uri, this.plan.clients(), this.plan.pace(),
					this.plan.clientTimeout());
			long origin = System.nanoTime();
			List<Exchange> exchanges;
			List<Sampler.PoolSample> pools;
			List<Sampler.LiveSample> live;
			try (Sampler sampler = new Sampler(probe, variant.hasLiveProbe() ? service.uri("/health/live") : null,
					origin)) {
				clients.start(origin);
				sleepUntil(origin, this.plan.healthy());
				stub.latency(this.plan.slowLatency());
				sleepUntil(origin, this.plan.healthy().plus(this.plan.slowdown()));
				stub.latency(this.plan.fastLatency());
				sleepUntil(origin, this.plan.scenario());
				exchanges = clients.stop();
				pools = sampler.pools();
				live = sampler.live();
			}
			return new Timeline(this.plan).analyse(variant, exchanges, pools, live,
					(unloadedP99 != null) ? unloadedP99 : Double.NaN);
		}
	}

	private static void sleepUntil(long origin, Duration offset) {
		long rest = origin + offset.toNanos() - System.nanoTime();
		if (rest > 0) {
			sleep(Duration.ofNanos(rest));
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
