package dev.hardenedboot.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts {@link EnvPrefixProbe} in a child JVM with the working directory, environment
 * variables and arguments a test chose, and returns what it printed as {@code key=value}.
 */
final class ChildJvm {

	private ChildJvm() {
	}

	static Map<String, String> run(Path workingDirectory, Map<String, String> variables, String... args)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
				"-XX:TieredStopAtLevel=1", "-cp", absoluteClassPath(), EnvPrefixProbe.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (workingDirectory != null) {
			builder.directory(workingDirectory.toFile());
		}
		// Only what the test chose: the CI's own HARDENED_* and APP_* variables must not leak in.
		builder.environment().keySet().removeIf((name) -> name.startsWith("APP_") || name.startsWith("DB_")
				|| name.startsWith("ORDERS_") || name.startsWith("HARDENED_") || name.startsWith("FEATURE_"));
		builder.environment().putAll(variables);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		Map<String, String> printed = new LinkedHashMap<>();
		output.lines()
			.filter((line) -> line.startsWith("db.timeout=") || line.startsWith("feature.flag="))
			.forEach((line) -> printed.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
		assertThat(printed).as(output).containsKey("db.timeout");
		return printed;
	}

	/** The class path as absolute paths, so a child started in another directory finds it. */
	private static String absoluteClassPath() {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			entries.add(Path.of(entry).toAbsolutePath().toString());
		}
		return String.join(java.io.File.pathSeparator, entries);
	}

}
