package dev.hardenedboot.sample.logging;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardenedboot.sample.tour.ChildJvm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's two logging modes, each in a JVM of its own (logging is set up once per
 * JVM): the {@code prod} profile writes nothing but JSON lines, the {@code local} profile
 * Boot's human-readable console. Both start against a database that is not there, so they
 * log INFO, WARN and ERROR lines with a stack trace, and end by themselves.
 */
class LoggingModesTests {

	private static final String NO_DATABASE = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/orders";

	/** Boot's console pattern: time, level, pid, application, thread, trace ids, logger. */
	private static final Pattern HUMAN_LINE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\\s+"
			+ "(TRACE|DEBUG|INFO|WARN|ERROR) \\d+ --- \\[order-service\\] \\[[^\\]]*\\] \\[[^\\]]*\\] \\S+\\s+: .*");

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void prodWritesOnlyJsonLinesAndLocalAHumanConsole() throws Exception {
		CompletableFuture<ChildJvm.Run> prod = start("prod");
		CompletableFuture<ChildJvm.Run> local = start("local");
		assertProdWritesJsonLines(prod.join());
		assertLocalWritesAHumanConsole(local.join());
	}

	private void assertProdWritesJsonLines(ChildJvm.Run run) throws JsonProcessingException {
		assertThat(run.exitCode()).as(run.output()).isNotZero();
		// Every line: no banner, no status line of Logback's own.
		List<String> lines = run.output().lines().toList();
		assertThat(lines).as(run.output()).hasSizeGreaterThan(5);
		for (String line : lines) {
			assertThat(line).as("a JSON object per line").startsWith("{").endsWith("}");
			JsonNode event = this.json.readTree(line);
			assertThat(Instant.parse(event.get("@timestamp").asText())).isNotNull();
			assertThat(event.get("@timestamp").asText()).endsWith("Z");
			assertThat(event.get("level").asText()).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
			assertThat(event.get("logger").asText()).isNotBlank();
			assertThat(event.get("thread").asText()).isNotBlank();
			assertThat(event.has("message")).isTrue();
			assertThat(event.get("service").asText()).isEqualTo("order-service");
			assertThat(event.get("env").asText()).isEqualTo("prod");
		}
		assertThat(lines).anySatisfy((line) -> {
			JsonNode event = this.json.readTree(line);
			assertThat(event.get("level").asText()).isEqualTo("ERROR");
			assertThat(event.get("stack_trace").asText()).contains("Connection refused");
		});
	}

	private void assertLocalWritesAHumanConsole(ChildJvm.Run run) {
		assertThat(run.exitCode()).as(run.output()).isNotZero();
		List<String> lines = run.output().lines().toList();
		assertThat(lines).noneMatch((line) -> line.startsWith("{\"@timestamp\""));
		List<String> logLines = lines.stream().filter((line) -> line.matches("^\\d{4}-\\d{2}-\\d{2}T.*")).toList();
		assertThat(logLines).as(run.output())
			.hasSizeGreaterThan(5)
			.allMatch((line) -> HUMAN_LINE.matcher(line).matches());
		assertThat(logLines).anyMatch((line) -> line.contains(" INFO ")
				&& line.endsWith(": The following 1 profile is active: \"local\""));
		assertThat(logLines).anyMatch((line) -> line.contains(" ERROR ") && line.endsWith(": Application run failed"));
		// The stack trace is printed as lines of its own, outermost exception first.
		assertThat(lines).anyMatch((line) -> line.startsWith("Caused by: java.net.ConnectException: "));
	}

	private static CompletableFuture<ChildJvm.Run> start(String profile) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return ChildJvm.run(List.of("--spring.profiles.active=" + profile, NO_DATABASE));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

}
