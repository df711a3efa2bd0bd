package dev.hardenedboot.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precedence of prefixed environment variables, each pair in a child JVM whose
 * environment the test sets: command line > prefixed variables > unprefixed variables >
 * configuration files > defaults.
 */
class PrefixedEnvironmentTests {

	private static final String CONFIG_FILE = "--spring.config.location=classpath:env-prefix/application.yaml";

	@Test
	void prefixedVariableBeatsUnprefixedOne() throws Exception {
		assertThat(timeout(Map.of("APP_DB_TIMEOUT", "5s", "DB_TIMEOUT", "9s"))).isEqualTo("5s");
	}

	@Test
	void commandLineBeatsPrefixedVariable() throws Exception {
		assertThat(timeout(Map.of("APP_DB_TIMEOUT", "5s"), "--db.timeout=1s")).isEqualTo("1s");
	}

	@Test
	void prefixedVariableBeatsConfigurationFile() throws Exception {
		assertThat(timeout(Map.of("APP_DB_TIMEOUT", "5s"), CONFIG_FILE)).isEqualTo("5s");
	}

	@Test
	void unprefixedVariablesKeepWorkingAndBeatConfigurationFiles() throws Exception {
		assertThat(timeout(Map.of("DB_TIMEOUT", "9s"), CONFIG_FILE)).isEqualTo("9s");
	}

	@Test
	void configurationFileBeatsDefault() throws Exception {
		assertThat(timeout(Map.of(), CONFIG_FILE)).isEqualTo("7s");
		assertThat(timeout(Map.of())).isEqualTo("30s");
	}

	@Test
	void prefixIsConfigurable() throws Exception {
		assertThat(timeout(Map.of("ORDERS_DB_TIMEOUT", "2s", "APP_DB_TIMEOUT", "5s"),
				"--hardened.config.env-prefix=ORDERS"))
			.isEqualTo("2s");
	}

	private static String timeout(Map<String, String> variables, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				EnvPrefixProbe.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		// Only what the test chose: the CI's own HARDENED_* and APP_* variables must not leak in.
		builder.environment().keySet().removeIf((name) -> name.startsWith("APP_") || name.startsWith("DB_")
				|| name.startsWith("ORDERS_") || name.startsWith("HARDENED_"));
		builder.environment().putAll(variables);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output.lines()
			.filter((line) -> line.startsWith("db.timeout="))
			.map((line) -> line.substring("db.timeout=".length()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No db.timeout in:\n" + output));
	}

}
