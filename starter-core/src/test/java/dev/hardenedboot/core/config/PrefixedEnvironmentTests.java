package dev.hardenedboot.core.config;

import java.io.IOException;
import java.util.Map;

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

	private static String timeout(Map<String, String> variables, String... args)
			throws IOException, InterruptedException {
		return ChildJvm.run(null, variables, args).get("db.timeout");
	}

}
