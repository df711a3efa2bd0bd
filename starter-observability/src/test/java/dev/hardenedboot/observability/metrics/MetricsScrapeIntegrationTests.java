package dev.hardenedboot.observability.metrics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Labels, buckets, folding and exemplars as a Prometheus server sees them: over a real
 * scrape of a real server, after real inbound and outbound requests.
 */
@SpringBootTest(classes = MetricsScrapeIntegrationTests.OrdersApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=orders", "spring.profiles.active=test",
				"management.tracing.sampling.probability=1.0", "hardened.metrics.max-uri-tags=4" })
@AutoConfigureObservability
class MetricsScrapeIntegrationTests {

	private static final HttpClient client = HttpClient.newHttpClient();

	private static HttpServer downstream;

	@Value("${local.server.port}")
	int port;

	@Autowired
	RestClient.Builder restClientBuilder;

	@BeforeAll
	static void startDownstream() throws IOException {
		downstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		downstream.createContext("/", (exchange) -> {
			byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		downstream.start();
	}

	@AfterAll
	static void stopDownstream() {
		downstream.stop(0);
	}

	@Test
	void serverTimerCarriesRouteLabelsCommonTagsAndTenSloBuckets() throws Exception {
		get("/orders/1", "*/*");
		get("/orders/2", "*/*");
		HttpResponse<String> scrape = get("/actuator/prometheus", "text/plain");
		assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
		List<String> buckets = series(scrape.body(), "http_server_requests_seconds_bucket{", "uri=\"/orders/{id}\"");
		assertThat(buckets).hasSize(11);
		assertThat(buckets).allSatisfy((line) -> assertThat(line).contains("application=\"orders\"", "env=\"test\"",
				"method=\"GET\"", "status=\"200\"", "outcome=\"SUCCESS\"", "exception=\"none\""));
		assertThat(buckets).anySatisfy((line) -> assertThat(line).contains("le=\"0.01\""))
			.anySatisfy((line) -> assertThat(line).contains("le=\"10.0\""))
			.anySatisfy((line) -> assertThat(line).contains("le=\"+Inf\"}"));
	}

	@Test
	void clientTimerCollapsesRawPathsAndFoldsPastTheCap() throws Exception {
		RestClient restClient = this.restClientBuilder.baseUrl("http://127.0.0.1:" + downstream.getAddress().getPort())
			.build();
		for (String path : new String[] { "/items/123", "/items/456", "/search/apple", "/search/banana",
				"/search/cherry", "/search/damson" }) {
			restClient.get().uri(path).retrieve().toBodilessEntity();
		}
		String scrape = get("/actuator/prometheus", "text/plain").body();
		List<String> counts = series(scrape, "http_client_requests_seconds_count{", "");
		assertThat(counts).anySatisfy((line) -> assertThat(line).contains("uri=\"/items/{id}\"").endsWith(" 2"))
			.anySatisfy((line) -> assertThat(line).contains("uri=\"OTHER\"").endsWith(" 2"))
			.noneSatisfy((line) -> assertThat(line).contains("uri=\"/items/123\""))
			.noneSatisfy((line) -> assertThat(line).contains("uri=\"/search/cherry\""));
		assertThat(counts).allSatisfy((line) -> assertThat(line).contains("application=\"orders\"", "env=\"test\""));
		assertThat(series(scrape, "hardened_metrics_tags_folded_total{", "meter=\"http.client.requests\""))
			.singleElement()
			.satisfies((line) -> assertThat(line).endsWith(" 2.0"));
	}

	@Test
	void openMetricsByAcceptHeaderWithExemplarsLinkingToTraces() throws Exception {
		get("/orders/3", "*/*");
		HttpResponse<String> scrape = get("/actuator/prometheus", "application/openmetrics-text");
		assertThat(scrape.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/openmetrics-text"));
		assertThat(scrape.body()).endsWith("# EOF\n");
		assertThat(series(scrape.body(), "http_server_requests_seconds_bucket{", "uri=\"/orders/{id}\""))
			.anySatisfy((line) -> assertThat(line).containsPattern("# \\{.*trace_id=\"[0-9a-f]{32}\".*\\}"));
	}

	private static List<String> series(String scrape, String prefix, String containing) {
		return scrape.lines().filter((line) -> line.startsWith(prefix) && line.contains(containing)).toList();
	}

	private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", accept)
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@RestController
	static class OrdersApplication {

		@GetMapping("/orders/{id}")
		String order(@PathVariable String id) {
			return id;
		}

	}

}
