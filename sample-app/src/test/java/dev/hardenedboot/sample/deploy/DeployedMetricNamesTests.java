package dev.hardenedboot.sample.deploy;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardenedboot.sample.pricing.PricingFaults;
import dev.hardenedboot.sample.tour.TourApplication;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric name the Grafana dashboard and the Prometheus rules in {@code deploy/} read is
 * one the sample app really exports: the traffic that registers the lazy meters is driven
 * (a deadline cut, an outbound call, an N+1, a dropped log line, a reload), then
 * {@code /actuator/prometheus} is scraped. Names of recording rules are checked against the
 * rules that record them instead.
 */
@ExtendWith(TourApplication.Resolver.class)
class DeployedMetricNamesTests {

	private static final Path DASHBOARD = Path.of("deploy/grafana/hardened-boot-dashboard.json");

	private static final Path RULES = Path.of("deploy/prometheus/hardened-boot-rules.yaml");

	private static final String CHATTY_LOGGER = "dev.hardenedboot.sample.deploy.chatty";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void everyMetricTheDashboardAndTheRulesReadIsExported(TourApplication application) throws Exception {
		Map<String, Set<String>> readers = new TreeMap<>();
		dashboardQueries().forEach((query, panel) -> PromQlMetricNames.in(query)
			.forEach((name) -> readers.computeIfAbsent(name, (key) -> new TreeSet<>()).add(panel)));
		Set<String> recorded = new TreeSet<>();
		rules().forEach((rule) -> {
			if (rule.containsKey("record")) {
				recorded.add((String) rule.get("record"));
			}
			String reader = "rule " + rule.getOrDefault("alert", rule.get("record"));
			PromQlMetricNames.in((String) rule.get("expr"))
				.forEach((name) -> readers.computeIfAbsent(name, (key) -> new TreeSet<>()).add(reader));
		});
		assertThat(readers).as("metric names found in the assets").containsKeys("http_server_requests_seconds_count",
				"hardened_health_status", "hardened_log_events_dropped_total", "hikaricp_connections_pending");

		driveTrafficThatRegistersLazyMeters(application);
		Set<String> exported = scrape(application);

		Map<String, Set<String>> missing = readers.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().contains(":") ? !recorded.contains(entry.getKey())
					: !exported.contains(entry.getKey()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
		assertThat(missing).as("metrics the dashboard or the rules read that the sample app does not export "
				+ "(or recording rules that do not exist), with who reads them").isEmpty();
	}

	private static Map<String, String> dashboardQueries() throws IOException {
		JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
		Map<String, String> queries = new TreeMap<>();
		collectTargets(dashboard.path("panels"), queries);
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			JsonNode query = variable.path("query");
			String text = query.isObject() ? query.path("query").asText() : query.asText();
			if (variable.path("type").asText().equals("query")) {
				PromQlMetricNames.inVariableQuery(text)
					.forEach((name) -> queries.put(name, "variable " + variable.path("name").asText()));
			}
		}
		return queries;
	}

	private static void collectTargets(JsonNode panels, Map<String, String> queries) {
		for (JsonNode panel : panels) {
			for (JsonNode target : panel.path("targets")) {
				queries.put(target.path("expr").asText(), "panel '" + panel.path("title").asText() + "'");
			}
			collectTargets(panel.path("panels"), queries);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rules() throws IOException {
		try (Reader reader = Files.newBufferedReader(RULES)) {
			Map<String, Object> file = new Yaml().load(reader);
			return ((List<Map<String, Object>>) file.get("groups")).stream()
				.flatMap((group) -> ((List<Map<String, Object>>) group.get("rules")).stream())
				.toList();
		}
	}

	private void driveTrafficThatRegistersLazyMeters(TourApplication application) throws Exception {
		PricingFaults faults = application.context().getBean(PricingFaults.class);
		// Whatever state the walkthrough left: a closed breaker, a healthy pricing service.
		application.context().getBean(CircuitBreakerRegistry.class)
			.getAllCircuitBreakers()
			.forEach(CircuitBreaker::transitionToClosedState);
		faults.apply(PricingFaults.Settings.NONE);
		get(application, "/orders");
		get(application, "/quotes/BOOK-001");
		faults.apply(new PricingFaults.Settings(Duration.ofSeconds(1), 0));
		String order = "{\"customer\":\"ada@example.com\",\"lines\":[{\"sku\":\"CLOCK-404\",\"quantity\":1}]}";
		try {
			assertThat(send(application, HttpRequest.newBuilder(uri(application, 8080, "/orders"))
				.header("Content-Type", "application/json")
				.header("X-Request-Timeout", "200ms")
				.POST(HttpRequest.BodyPublishers.ofString(order)))).isEqualTo(504);
		}
		finally {
			faults.apply(PricingFaults.Settings.NONE);
		}
		dropOneLogLine(application);
	}

	/**
	 * Turns the chatty logger's INFO rate to zero through the mounted configuration, logs one
	 * line, and takes the setting back: a dropped line and two reloads.
	 */
	private static void dropOneLogLine(TourApplication application) throws Exception {
		MeterRegistry meters = application.context().getBean(MeterRegistry.class);
		Path file = application.mountDir().resolve("zz-metric-names.yaml");
		double applied = reloads(meters);
		Files.writeString(file, "hardened.logging.sampling.info.[" + CHATTY_LOGGER + "]: 0\n");
		await().atMost(Duration.ofSeconds(20)).until(() -> reloads(meters) > applied);
		try {
			LoggerFactory.getLogger(CHATTY_LOGGER).info("dropped by sampling");
		}
		finally {
			double afterDrop = reloads(meters);
			Files.delete(file);
			await().atMost(Duration.ofSeconds(20)).until(() -> reloads(meters) > afterDrop);
		}
	}

	private static double reloads(MeterRegistry meters) {
		Counter applied = meters.find("hardened.config.reloads").tag("result", "applied").counter();
		return (applied != null) ? applied.count() : 0;
	}

	private void get(TourApplication application, String path) throws Exception {
		assertThat(send(application, HttpRequest.newBuilder(uri(application, 8080, path)))).isEqualTo(200);
	}

	private int send(TourApplication application, HttpRequest.Builder request) throws Exception {
		return this.http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private Set<String> scrape(TourApplication application) throws Exception {
		String text = this.http
			.send(HttpRequest.newBuilder(uri(application, 8081, "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		return text.lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.map((line) -> line.split("[{ ]", 2)[0])
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static URI uri(TourApplication application, int documentPort, String path) {
		return URI.create("http://127.0.0.1:" + application.port(documentPort) + path);
	}

}
