package dev.hardenedboot.data.tracing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.hardenedboot.data.web.DataWebTests;
import dev.hardenedboot.data.web.RecordedSpans;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * JDBC spans over a real Tomcat and PostgreSQL, from the OpenTelemetry SDK behind Boot's
 * bridge: children of the request's server span, named by SQL shape without values, and
 * none for probes.
 */
class JdbcTracingIntegrationTests extends DataWebTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SAMPLED_PARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

	@Autowired
	private RecordedSpans spans;

	@BeforeEach
	void forgetSpans() {
		this.spans.clear();
	}

	@Test
	void statementsAreChildSpansOfTheRequestsServerSpan() {
		assertThat(get("/orders/3/lines", "traceparent", SAMPLED_PARENT).statusCode()).isEqualTo(200);
		SpanData server = serverSpan("/orders/{id}/lines");
		List<SpanData> statements = jdbcSpans();
		assertThat(statements).singleElement().satisfies((statement) -> {
			assertThat(statement.getTraceId()).isEqualTo(TRACE_ID).isEqualTo(server.getTraceId());
			assertThat(statement.getParentSpanId()).isEqualTo(server.getSpanId());
			assertThat(statement.getKind()).isEqualTo(SpanKind.CLIENT);
			assertThat(attributes(statement)).containsEntry("jdbc.query[0]",
					"SELECT count(*) FROM order_line WHERE order_id = ?")
				.containsEntry("jdbc.datasource.name", "dataSource")
				.containsEntry("peer.service", "dataSource")
				.containsEntry("network.peer.address", "127.0.0.1")
				.containsEntry("network.peer.port", "5432");
			assertThat(statement.getEndEpochNanos()).isLessThanOrEqualTo(server.getEndEpochNanos());
		});
	}

	@Test
	void spansCarryTheShapeAndNoValue() {
		assertThat(get("/lines/by-sku?sku=hunter2", "traceparent", SAMPLED_PARENT).statusCode()).isEqualTo(200);
		serverSpan("/lines/by-sku");
		assertThat(jdbcSpans()).singleElement()
			.satisfies((statement) -> assertThat(attributes(statement).values())
				.contains("SELECT count(*) FROM order_line WHERE sku = ? OR sku = ?")
				.noneMatch((value) -> value.contains("hunter2") || value.contains("sk-live-literal")));
	}

	@Test
	void statementsAreTimedByDataSource() {
		assertThat(get("/one", "traceparent", SAMPLED_PARENT).statusCode()).isEqualTo(200);
		serverSpan("/one");
		assertThat(get("/actuator/prometheus").body())
			.containsPattern("(?m)^jdbc_query_seconds_count\\{[^}]*jdbc_datasource_name=\"dataSource\"[^}]*} [1-9]");
	}

	@Test
	void eachStatementOfAnNPlusOneIsASpanAndTheGuardStillCounts() {
		assertThat(get("/orders", "traceparent", SAMPLED_PARENT).statusCode()).isEqualTo(200);
		SpanData server = serverSpan("/orders");
		assertThat(jdbcSpans()).hasSize(16).allSatisfy((statement) -> {
			assertThat(statement.getParentSpanId()).isEqualTo(server.getSpanId());
			assertThat(statement.getTraceId()).isEqualTo(TRACE_ID);
		});
	}

	@Test
	void aStatementTheDeadlineCutIsAnErrorSpanThatEnds() {
		assertThat(get("/sleep?seconds=5", "traceparent", SAMPLED_PARENT, "X-Request-Timeout", "500ms").statusCode())
			.isEqualTo(504);
		SpanData server = serverSpan("/sleep");
		assertThat(jdbcSpans()).singleElement().satisfies((statement) -> {
			assertThat(statement.getParentSpanId()).isEqualTo(server.getSpanId());
			assertThat(statement.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
			assertThat(Duration.ofNanos(statement.getEndEpochNanos() - statement.getStartEpochNanos()))
				.isLessThan(Duration.ofSeconds(4));
		});
	}

	@Test
	void aStatementTheDeadlineRejectsBeforeItRunsStillEndsItsSpan() {
		// The deadline listener throws in beforeQuery, after the tracing listener opened its span.
		assertThat(get("/late?millis=400", "traceparent", SAMPLED_PARENT, "X-Request-Timeout", "100ms").statusCode())
			.isEqualTo(504);
		SpanData server = serverSpan("/late");
		assertThat(jdbcSpans()).singleElement().satisfies((statement) -> {
			assertThat(statement.getParentSpanId()).isEqualTo(server.getSpanId());
			assertThat(statement.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		});
		// The rejected span's scope was closed: the next request on any thread is its own trace.
		assertThat(get("/one", "traceparent", SAMPLED_PARENT).statusCode()).isEqualTo(200);
		SpanData next = serverSpan("/one");
		assertThat(next.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
	}

	@Test
	void probesAndTheirDatabaseChecksMakeNoSpans() throws InterruptedException {
		// Past the health result cache (1s), so this probe runs its checks; the deep one runs
		// statements (databaseReadOnly) on the probe executor, not only Connection.isValid.
		Thread.sleep(1100);
		var ready = get("/health/ready?deep=true", "traceparent", SAMPLED_PARENT);
		assertThat(ready.statusCode()).isEqualTo(200);
		assertThat(ready.body()).contains("\"databaseReadOnly\"");
		// A traced request afterwards shows the recorder works and that nothing came before it.
		assertThat(get("/one", "traceparent", SAMPLED_PARENT).statusCode()).isEqualTo(200);
		serverSpan("/one");
		assertThat(this.spans.ended()).allSatisfy((span) -> assertThat(span.getTraceId()).isEqualTo(TRACE_ID))
			.noneMatch((span) -> span.getName().contains("health") || span.getName().contains("ready"))
			.hasSize(2);
	}

	private SpanData serverSpan(String route) {
		// The server span ends after the response is written.
		return await().atMost(Duration.ofSeconds(5))
			.until(() -> this.spans.ended()
				.stream()
				.filter((span) -> span.getKind() == SpanKind.SERVER && span.getName().endsWith(" " + route))
				.findFirst()
				.orElse(null), (span) -> span != null);
	}

	private static Map<String, String> attributes(SpanData span) {
		Map<String, String> attributes = new HashMap<>();
		span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), String.valueOf(value)));
		return attributes;
	}

	private List<SpanData> jdbcSpans() {
		return this.spans.ended().stream().filter((span) -> "query".equals(span.getName())).toList();
	}

}
