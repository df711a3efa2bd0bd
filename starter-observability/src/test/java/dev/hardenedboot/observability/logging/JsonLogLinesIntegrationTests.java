package dev.hardenedboot.observability.logging;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;

import static dev.hardenedboot.observability.logging.StdoutCapture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The JSON lines a started application really writes to stdout, parsed back.
 */
class JsonLogLinesIntegrationTests {

	@RegisterExtension
	final StdoutCapture stdout = new StdoutCapture();

	@Test
	void requestThreadLineCarriesEveryContractField() throws Exception {
		try (ConfigurableApplicationContext context = LogLinesApplication.start("hardened.env=staging")) {
			LogLinesApplication.get(context, "/order");
		}
		JsonNode line = single("order accepted");
		assertThat(line.path("@timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(line.path("level").asText()).isEqualTo("INFO");
		assertThat(line.path("logger").asText()).isEqualTo(LogLinesApplication.LOGGER);
		assertThat(line.path("thread").asText()).startsWith("http-nio-");
		assertThat(line.path("service").asText()).isEqualTo("orders-service");
		assertThat(line.path("env").asText()).isEqualTo("staging");
		assertThat(line.path("version").asText()).isEqualTo("1.4.2");
		assertThat(line.path("trace_id").asText()).matches("[0-9a-f]{32}");
		assertThat(line.path("span_id").asText()).matches("[0-9a-f]{16}");
		assertThat(line.path("request_id").asText()).isEqualTo("req-42");
		assertThat(line.path("tenant").asText()).isEqualTo("acme");
		assertThat(line.has("traceId")).isFalse();
	}

	@Test
	void asyncThreadLineCarriesTheRequestsTraceAndRequestIds() throws Exception {
		String asyncThread;
		try (ConfigurableApplicationContext context = LogLinesApplication.start()) {
			asyncThread = LogLinesApplication.get(context, "/order");
		}
		JsonNode request = single("order accepted");
		JsonNode async = single("order audited");
		assertThat(async.path("thread").asText()).isEqualTo(asyncThread).isNotEqualTo(request.path("thread").asText());
		assertThat(async.path("trace_id").asText()).isEqualTo(request.path("trace_id").asText()).hasSize(32);
		assertThat(async.path("span_id").asText()).hasSize(16);
		assertThat(async.path("request_id").asText()).isEqualTo("req-42");
		assertThat(async.path("env").asText()).isEqualTo("default");
	}

	@Test
	void errorLineHasAShortRootCauseFirstStackTrace() throws Exception {
		try (ConfigurableApplicationContext context = LogLinesApplication.start()) {
			LogLinesApplication.get(context, "/fail");
		}
		JsonNode line = single("order failed");
		String stackTrace = line.path("stack_trace").asText();
		assertThat(line.path("level").asText()).isEqualTo("ERROR");
		assertThat(stackTrace).startsWith("java.lang.IllegalArgumentException: stock table locked");
		assertThat(stackTrace.indexOf("IllegalArgumentException"))
			.isLessThan(stackTrace.indexOf("IllegalStateException: reservation failed"));
		assertThat(stackTrace).contains("frames excluded").doesNotContain("at org.apache.catalina.");
		assertThat(stackTrace.length()).isLessThanOrEqualTo(8 * 1024);
		assertThat(line.path("trace_id").asText()).hasSize(32);
	}

	@Test
	void stackTraceIsCutAtItsLimit() throws Exception {
		try (ConfigurableApplicationContext context = LogLinesApplication
			.start("hardened.logging.stack-trace-max-size=1KB")) {
			LogLinesApplication.get(context, "/fail");
		}
		String stackTrace = single("order failed").path("stack_trace").asText();
		assertThat(stackTrace.length()).isLessThanOrEqualTo(1024);
		assertThat(stackTrace).startsWith("java.lang.IllegalArgumentException: stock table locked");
	}

	@Test
	void noLineIsLongerThanTheCapEvenWithHugeMultiByteValues() throws Exception {
		String huge = "订单".repeat(40_000);
		try (ConfigurableApplicationContext context = LogLinesApplication.start()) {
			LoggerFactory.getLogger("orders").atWarn().addKeyValue("payload", huge).log("big {}", huge);
		}
		List<String> lines = this.stdout.lines();
		assertThat(lines).allSatisfy(
				(line) -> assertThat(line.getBytes(StandardCharsets.UTF_8).length + 1).isLessThanOrEqualTo(16 * 1024));
		JsonNode line = this.stdout.json((node) -> node.path("message").asText().startsWith("big ")).get(0);
		assertThat(line.path("truncated_from").asInt()).isGreaterThan(400_000);
		assertThat(line.path("level").asText()).isEqualTo("WARN");
		assertThat(line.path("message").asText()).endsWith(LineSizeLimit.MARKER);
		assertThat(line.path("payload").asText()).startsWith("订单订单");
	}

	@Test
	void secretsAreMasked() throws Exception {
		try (ConfigurableApplicationContext context = LogLinesApplication.start()) {
			LogLinesApplication.get(context, "/secrets");
		}
		JsonNode bearer = single("calling pricing with Authorization: Bearer ****");
		assertThat(bearer.path("password").asText()).isEqualTo("****");
		assertThat(bearer.path("X-Api-Key").asText()).isEqualTo("****");
		assertThat(bearer.path("request_id").asText()).isEqualTo("req-42");
		assertThat(single("token was **** today")).isNotNull();
		assertThat(this.stdout.lines()).noneMatch((line) -> line.contains("hunter2") || line.contains("k-123456")
				|| line.contains("abcdefghijklmnop") || line.contains("eyJzdWIi"));
	}

	@Test
	void maskingListsAreConfigurable() throws Exception {
		try (ConfigurableApplicationContext context = LogLinesApplication.start(
				"hardened.logging.masking.fields=tenant", "hardened.logging.masking.patterns=order \\w+",
				"hardened.logging.masking.mask=[hidden]")) {
			LogLinesApplication.get(context, "/order");
		}
		List<JsonNode> lines = this.stdout.json(message("[hidden]"));
		assertThat(lines).hasSize(2)
			.allSatisfy((line) -> assertThat(line.path("tenant").asText()).isEqualTo("[hidden]"));
		assertThat(this.stdout.lines()).noneMatch((line) -> line.contains("acme") || line.contains("order accepted"));
	}

	@Test
	void invalidMaskingPatternStopsStartUpNamingTheProperty() {
		assertThatException()
			.isThrownBy(() -> LogLinesApplication.start("hardened.logging.masking.patterns=token=(\\w+"))
			.withStackTraceContaining(
					"Invalid hardened.logging.masking.patterns: 'token=(\\w+' is not a regular expression");
	}

	@Test
	void localProfileKeepsTheConsoleHumanReadable() throws Exception {
		try (ConfigurableApplicationContext context = LogLinesApplication.start("spring.profiles.active=local")) {
			LogLinesApplication.get(context, "/order");
		}
		assertThat(this.stdout.json()).isEmpty();
		assertThat(this.stdout.lines()).anyMatch((line) -> line.contains(" INFO ") && line.endsWith("order accepted"));
	}

	@Test
	void applicationsOwnConfigurationWinsAndCanUseTheIncludes() throws Exception {
		try (ConfigurableApplicationContext context = LogLinesApplication
			.start("logging.config=classpath:log-lines/user-logback-spring.xml")) {
			LogLinesApplication.get(context, "/fail");
			LogLinesApplication.get(context, "/order");
		}
		assertThat(this.stdout.json(message("order accepted"))).isEmpty();
		JsonNode error = single("order failed");
		assertThat(error.path("service").asText()).isEqualTo("orders-service");
		assertThat(error.path("stack_trace").asText()).startsWith("java.lang.IllegalArgumentException");
	}

	private JsonNode single(String message) {
		List<JsonNode> lines = this.stdout.json(message(message));
		assertThat(lines).as(String.join("\n", this.stdout.lines())).hasSize(1);
		return lines.get(0);
	}

}
