package dev.hardenedboot.observability.logging;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the process writes to stdout during each test, as lines, and those lines parsed as
 * JSON: Logback's console appender writes to whatever {@code System.out} is at the time, so
 * this reads the real output. Unlike Boot's output capture, nothing is copied to the build's
 * console, which matters for bursts of tens of thousands of lines.
 */
final class StdoutCapture implements BeforeEachCallback, AfterEachCallback {

	private static final ObjectMapper mapper = new ObjectMapper();

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

	private PrintStream original;

	@Override
	public void beforeEach(ExtensionContext context) {
		this.original = System.out;
		this.buffer.reset();
		System.setOut(new PrintStream(this.buffer, true, StandardCharsets.UTF_8));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		System.setOut(this.original);
	}

	List<String> lines() {
		synchronized (this.buffer) {
			return this.buffer.toString(StandardCharsets.UTF_8).lines().toList();
		}
	}

	/** Every line that is a JSON object; a line that starts like one but does not parse fails the test. */
	List<JsonNode> json() {
		List<JsonNode> parsed = new ArrayList<>();
		for (String line : lines()) {
			if (line.startsWith("{")) {
				try {
					parsed.add(mapper.readTree(line));
				}
				catch (JsonProcessingException ex) {
					throw new AssertionError("Not a JSON line: " + line, ex);
				}
			}
		}
		return parsed;
	}

	List<JsonNode> json(Predicate<JsonNode> filter) {
		return json().stream().filter(filter).toList();
	}

	static Predicate<JsonNode> message(String message) {
		return (line) -> message.equals(line.path("message").asText(null));
	}

	static Predicate<JsonNode> logger(String logger) {
		return (line) -> logger.equals(line.path("logger").asText(null));
	}

}
