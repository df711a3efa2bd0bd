package dev.hardenedboot.observability.logging;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code hardened.logging.async=true}, the lines still queued when the process exits
 * gracefully are written: a child JVM logs while its stdout is not read, so thousands of lines
 * wait in the queue when it calls {@code System.exit}.
 */
class AsyncShutdownIntegrationTests {

	private static final int LINES = 5000;

	@Test
	void gracefulExitWritesEveryQueuedLine(@TempDir Path directory) throws Exception {
		Path marker = directory.resolve("queued");
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", absoluteClassPath(),
				AsyncShutdownProbe.class.getName(), marker.toString(), Integer.toString(LINES))
			.redirectError(directory.resolve("stderr").toFile())
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!Files.exists(marker) || Files.size(marker) == 0) {
			assertThat(System.nanoTime()).as("the child never got to exit").isLessThan(deadline);
			assertThat(child.isAlive()).as(Files.readString(directory.resolve("stderr"))).isTrue();
			Thread.sleep(50);
		}
		String output;
		try (InputStream stdout = child.getInputStream()) {
			output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(Integer.parseInt(Files.readString(marker))).as("lines queued at exit").isPositive();
		List<String> lines = output.lines().filter((line) -> line.contains("\"logger\":\"probe\"")).toList();
		assertThat(lines).hasSize(LINES);
		assertThat(lines.get(LINES - 1)).contains("\"message\":\"line " + (LINES - 1) + "\"");
	}

	private static String absoluteClassPath() {
		return String.join(File.pathSeparator, java.util.Arrays.stream(System.getProperty("java.class.path")
			.split(File.pathSeparator)).map((entry) -> Path.of(entry).toAbsolutePath().toString()).toList());
	}

}
