package dev.hardenedboot.observability.logging;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.logstash.logback.composite.loggingevent.MessageJsonProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLineEncoderTests {

	private final LoggerContext context = new LoggerContext();

	JsonLineEncoderTests() {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
	}

	@Test
	void ownProvidersAreKeptAndStillMaskedAndCapped() throws Exception {
		JsonLineEncoder encoder = new JsonLineEncoder();
		encoder.setContext(this.context);
		encoder.getProviders().addProvider(new MessageJsonProvider());
		encoder.start();
		byte[] line = encoder.encode(event("Authorization: Bearer abcdefghijklmnopqrstuvwxyz " + "x".repeat(40_000)));
		JsonNode json = new ObjectMapper().readTree(line);
		assertThat(line.length).isLessThanOrEqualTo(16 * 1024);
		assertThat(json.fieldNames()).toIterable().containsExactly("message", "truncated_from");
		assertThat(json.path("message").asText()).startsWith("Authorization: Bearer **** xxx");
	}

	@Test
	void withoutBootsEnvironmentUsesTheDefaultsAndLeavesServiceFieldsOut() throws Exception {
		JsonLineEncoder encoder = new JsonLineEncoder();
		encoder.setContext(this.context);
		encoder.start();
		String line = new String(encoder.encode(event("hello")), StandardCharsets.UTF_8);
		JsonNode json = new ObjectMapper().readTree(line);
		assertThat(line).endsWith("}\n");
		assertThat(json.path("message").asText()).isEqualTo("hello");
		assertThat(json.has("service")).isFalse();
		assertThat(json.has("env")).isFalse();
	}

	@Test
	void aStoppedEncoderWritesNothingRatherThanFailing() {
		JsonLineEncoder encoder = new JsonLineEncoder();
		encoder.setContext(this.context);
		encoder.start();
		encoder.stop();
		// What a thread logging during a Logback reconfiguration reaches: no exception, no
		// error status for Boot to fail the new configuration on.
		assertThat(encoder.encode(event("late"))).isEmpty();
		assertThat(this.context.getStatusManager().getCopyOfStatusList())
			.noneMatch((status) -> status.getLevel() == ch.qos.logback.core.status.Status.ERROR);
	}

	private LoggingEvent event(String message) {
		LoggingEvent event = new LoggingEvent();
		event.setLoggerContext(this.context);
		event.setLoggerName("test");
		event.setLevel(Level.INFO);
		event.setMessage(message);
		event.setThreadName("main");
		event.setTimeStamp(System.currentTimeMillis());
		return event;
	}

}
