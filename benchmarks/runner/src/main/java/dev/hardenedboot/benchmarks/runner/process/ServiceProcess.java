package dev.hardenedboot.benchmarks.runner.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the runner starts (a variant, or the dependency stub): its stdout in its own
 * directory, ready when a given URL first answers 200.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private static final HttpClient READINESS = HttpClient.newBuilder()
		.connectTimeout(Duration.ofMillis(500))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final Process process;

	private final int port;

	private final Duration startup;

	private ServiceProcess(Process process, int port, Duration startup) {
		this.process = process;
		this.port = port;
		this.startup = startup;
	}

	/**
	 * Starts an executable jar and waits until it serves.
	 * @param name for messages
	 * @param java the {@code java} executable
	 * @param jvmArgs JVM options
	 * @param jar the executable jar
	 * @param appArgs application arguments
	 * @param workDir the working directory, created if missing; stdout and stderr go to
	 * {@code stdout.log} in it
	 * @param ready the URL that answers 200 once the process serves
	 * @return the ready process
	 * @throws IOException if it cannot start, or exits, or is not ready within 3 minutes
	 */
	public static ServiceProcess start(String name, Path java, List<String> jvmArgs, Path jar, List<String> appArgs,
			Path workDir, URI ready) throws IOException {
		Files.createDirectories(workDir);
		Path log = workDir.resolve("stdout.log");
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.addAll(jvmArgs);
		command.add("-jar");
		command.add(jar.toAbsolutePath().toString());
		command.addAll(appArgs);
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		long started = System.nanoTime();
		Process process = builder.start();
		long deadline = started + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IOException(name + " exited with " + process.exitValue() + " during start-up; see " + log);
			}
			if (answers(ready)) {
				Duration startup = Duration.ofNanos(System.nanoTime() - started);
				return new ServiceProcess(process, ready.getPort(), startup);
			}
			sleep(Duration.ofMillis(50));
		}
		process.destroyForcibly();
		throw new IOException(name + " did not answer " + ready + " within " + READY_TIMEOUT + "; see " + log);
	}

	private static boolean answers(URI uri) {
		try {
			HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).build();
			return READINESS.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/**
	 * From launching the JVM to the first 200 of the readiness URL: JVM start, the
	 * application's start-up and the first request, as a client sees it.
	 * @return the start-up time
	 */
	public Duration startup() {
		return this.startup;
	}

	public long pid() {
		return this.process.pid();
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * The resident set size now, from {@code /proc/<pid>/status}.
	 * @return {@code VmRSS} in KiB
	 * @throws IOException if it cannot be read (the process is gone, or not Linux)
	 */
	public long rssKib() throws IOException {
		return ProcStatus.vmRssKib(Files.readString(Path.of("/proc", Long.toString(pid()), "status")));
	}

	/**
	 * Asks the JVM to stop (SIGTERM, so Boot shuts down as in production) and kills it if it
	 * has not within the grace period.
	 * @param grace how long a graceful shutdown may take
	 */
	public void stop(Duration grace) {
		this.process.destroy();
		try {
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			stop(Duration.ofSeconds(10));
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
