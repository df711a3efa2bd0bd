package dev.hardenedboot.benchmarks.runner.overload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.hardenedboot.benchmarks.runner.process.JvmProbe;

/**
 * Once a second during the scenario: Tomcat's busy threads and Hikari's waiting threads
 * through JMX, and, for a variant that has it, {@code GET /health/live} as a kubelet would
 * (2 s timeout).
 */
final class Sampler implements AutoCloseable {

	private static final Duration LIVE_TIMEOUT = Duration.ofSeconds(2);

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "overload-sampler");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(LIVE_TIMEOUT)
		.build();

	private final List<PoolSample> pools = new ArrayList<>();

	private final List<LiveSample> live = new ArrayList<>();

	private final JvmProbe probe;

	private final URI liveUri;

	private final long originNanos;

	/**
	 * Starts sampling.
	 * @param probe the variant's JVM
	 * @param liveUri its liveness URL, or {@code null} when it has none
	 * @param originNanos the scenario's time zero
	 */
	Sampler(JvmProbe probe, URI liveUri, long originNanos) {
		this.probe = probe;
		this.liveUri = liveUri;
		this.originNanos = originNanos;
		this.scheduler.scheduleAtFixedRate(this::samplePools, 0, 1, TimeUnit.SECONDS);
		if (liveUri != null) {
			this.scheduler.scheduleWithFixedDelay(this::sampleLive, 0, 1, TimeUnit.SECONDS);
		}
	}

	private double now() {
		return (System.nanoTime() - this.originNanos) / 1e9;
	}

	private void samplePools() {
		double at = now();
		try {
			PoolSample sample = new PoolSample(at, this.probe.tomcatBusyThreads(), this.probe.hikariPending());
			synchronized (this.pools) {
				this.pools.add(sample);
			}
		}
		catch (IOException ex) {
			// A missed sample leaves a gap in the chart; the scenario goes on.
		}
	}

	private void sampleLive() {
		double at = now();
		long sent = System.nanoTime();
		int status;
		try {
			HttpRequest request = HttpRequest.newBuilder(this.liveUri).timeout(LIVE_TIMEOUT).build();
			status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			status = Exchange.TIMEOUT;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		LiveSample sample = new LiveSample(at, status, (System.nanoTime() - sent) / 1000);
		synchronized (this.live) {
			this.live.add(sample);
		}
	}

	List<PoolSample> pools() {
		synchronized (this.pools) {
			return List.copyOf(this.pools);
		}
	}

	List<LiveSample> live() {
		synchronized (this.live) {
			return List.copyOf(this.live);
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		try {
			this.scheduler.awaitTermination(LIVE_TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * @param atSeconds from the start of the scenario
	 * @param busyThreads Tomcat's busy threads, -1 if unknown
	 * @param pending threads waiting for a pooled connection, -1 if unknown
	 */
	record PoolSample(double atSeconds, int busyThreads, int pending) {
	}

	/**
	 * @param atSeconds from the start of the scenario
	 * @param status the HTTP status, or {@link Exchange#TIMEOUT} when no answer came in 2 s
	 * @param latencyMicros until the answer
	 */
	record LiveSample(double atSeconds, int status, long latencyMicros) {

		boolean up() {
			return this.status == 200;
		}

	}

}
