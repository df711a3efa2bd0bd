package dev.hardenedboot.sample.tour;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.hardenedboot.sample.SampleApplication;

/**
 * Runs the sample app in a JVM of its own, as {@code java -jar} would, for starts that end
 * the process or that must configure logging from scratch: a start-up failure is reported
 * before logging is set up, and logging is set up once per JVM.
 */
public final class ChildJvm {

	private ChildJvm() {
	}

	/**
	 * Runs the application to its end.
	 * @param args its arguments
	 * @return what it wrote to standard output and error, and its exit code
	 */
	public static Run run(List<String> args) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
				absoluteClassPath(), SampleApplication.class.getName()));
		command.addAll(args);
		// Never on the real ports, should the start not fail as expected.
		command.addAll(List.of("--server.port=0", "--management.server.port=0"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().keySet().removeIf((name) -> name.startsWith("APP_") || name.startsWith("HARDENED_"));
		Process process = builder.start();
		CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
		if (!process.waitFor(180, TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			throw new IllegalStateException("The application did not end within 180 s: " + output.getNow(""));
		}
		return new Run(process.exitValue(), output.join());
	}

	private static String read(InputStream in) {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The class path as absolute paths, so the child finds it from anywhere. */
	private static String absoluteClassPath() {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			entries.add(Path.of(entry).toAbsolutePath().toString());
		}
		return String.join(File.pathSeparator, entries);
	}

	/**
	 * @param exitCode the process's exit code
	 * @param output what it wrote
	 */
	public record Run(int exitCode, String output) {
	}

}
