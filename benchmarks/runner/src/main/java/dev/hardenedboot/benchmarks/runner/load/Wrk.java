package dev.hardenedboot.benchmarks.runner.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs wrk (Debian's package) with {@code --latency} and a report script that prints its
 * figures exactly, and keeps wrk's own output next to the results.
 */
public final class Wrk {

	private static final String MARKER = "WRK_RESULT ";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Path script;

	private final int threads;

	private final int connections;

	/**
	 * @param workDir where the report script is written
	 * @param threads wrk {@code -t}
	 * @param connections wrk {@code -c}
	 * @throws IOException if the script cannot be written
	 */
	public Wrk(Path workDir, int threads, int connections) throws IOException {
		Files.createDirectories(workDir);
		this.script = workDir.resolve("wrk-report.lua");
		try (InputStream in = Wrk.class.getResourceAsStream("wrk-report.lua")) {
			if (in == null) {
				throw new IOException("wrk-report.lua missing from the runner's jar");
			}
			Files.write(this.script, in.readAllBytes());
		}
		this.threads = threads;
		this.connections = connections;
	}

	/**
	 * Drives a URL for a while.
	 * @param uri the URL
	 * @param duration how long
	 * @param output where wrk's output is kept
	 * @return the figures
	 * @throws IOException if wrk fails or prints no report
	 */
	public WrkResult run(URI uri, Duration duration, Path output) throws IOException {
		List<String> command = List.of("wrk", "-t" + this.threads, "-c" + this.connections,
				"-d" + duration.toSeconds() + "s", "--latency", "-s", this.script.toString(), uri.toString());
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		try {
			if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException("wrk did not finish: " + String.join(" ", command));
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		String text = Files.readString(output, StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			throw new IOException("wrk exited with " + process.exitValue() + ": " + text);
		}
		return parse(text);
	}

	/**
	 * Reads the report script's line from wrk's output.
	 * @param output everything wrk printed
	 * @return the figures
	 * @throws IOException if there is no report line
	 */
	static WrkResult parse(String output) throws IOException {
		for (String line : output.split("\n")) {
			if (line.startsWith(MARKER)) {
				return JSON.readValue(line.substring(MARKER.length()), WrkResult.class);
			}
		}
		throw new IOException("no " + MARKER.trim() + " line in wrk's output:\n" + output);
	}

}
