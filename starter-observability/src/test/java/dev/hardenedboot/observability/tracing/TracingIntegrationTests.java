package dev.hardenedboot.observability.tracing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spans over real HTTP, with sampling at 0: only a caller's sampled W3C trace context makes
 * a request traced (parent-based), and probes are never traced.
 */
@SpringBootTest(classes = TracingIntegrationTests.TracedApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "management.tracing.sampling.probability=0.0")
@AutoConfigureObservability
class TracingIntegrationTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SAMPLED_PARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

	private static final HttpClient client = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	int port;

	@Autowired
	RecordingSpanProcessor spans;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void forgetSpans() {
		this.spans.ended.clear();
	}

	@Test
	void requestWithASampledParentIsTracedInTheCallersTrace() throws Exception {
		assertThat(get("/orders", SAMPLED_PARENT).statusCode()).isEqualTo(200);
		assertThat(this.spans.ended).singleElement().satisfies((span) -> {
			assertThat(span.getSpanContext().getTraceId()).isEqualTo(TRACE_ID);
			assertThat(span.getParentSpanContext().getSpanId()).isEqualTo("00f067aa0ba902b7");
			assertThat(span.getName()).isEqualTo("http get /orders");
		});
	}

	@Test
	void requestWithoutParentFollowsTheRatio() throws Exception {
		assertThat(get("/orders", null).statusCode()).isEqualTo(200);
		assertThat(this.spans.ended).isEmpty();
	}

	@Test
	void probesAndActuatorAreNeverTraced() throws Exception {
		assertThat(get("/health/live", SAMPLED_PARENT).statusCode()).isEqualTo(200);
		assertThat(get("/health/ready", SAMPLED_PARENT).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/liveness", SAMPLED_PARENT).statusCode()).isEqualTo(200);
		assertThat(this.spans.ended).isEmpty();
		assertThat(get("/orders", SAMPLED_PARENT).statusCode()).isEqualTo(200);
		assertThat(this.spans.ended).hasSize(1);
	}

	@Test
	void nothingIsExportedWithoutAnOtlpEndpoint() {
		assertThat(this.context.getBeansOfType(SpanExporter.class)).isEmpty();
		assertThat(this.context.getBean(TracerSelection.class).getTracer()).isEqualTo(TracerSelection.MICROMETER_OTEL);
	}

	private HttpResponse<String> get(String path, String traceparent) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		if (traceparent != null) {
			request.header("traceparent", traceparent);
		}
		HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		// The server span ends after the response is written.
		Thread.sleep(100);
		return response;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@RestController
	static class TracedApplication {

		@GetMapping("/orders")
		String orders() {
			return "[]";
		}

		@Bean
		RecordingSpanProcessor recordingSpanProcessor() {
			return new RecordingSpanProcessor();
		}

	}

	static class RecordingSpanProcessor implements SpanProcessor {

		final List<ReadableSpan> ended = new CopyOnWriteArrayList<>();

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
		}

		@Override
		public boolean isStartRequired() {
			return false;
		}

		@Override
		public void onEnd(ReadableSpan span) {
			this.ended.add(span);
		}

		@Override
		public boolean isEndRequired() {
			return true;
		}

	}

}
