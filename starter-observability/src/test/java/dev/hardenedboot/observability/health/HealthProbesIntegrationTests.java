package dev.hardenedboot.observability.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes over real HTTP, with a management port of their own and a "database" and a
 * "Redis" that accept connections and never answer.
 */
@SpringBootTest(classes = HealthProbesIntegrationTests.ProbesApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "management.endpoint.health.show-details=always" })
class HealthProbesIntegrationTests {

	static final BlackHole database = new BlackHole();

	static final BlackHole redis = new BlackHole();

	static final AtomicInteger writableTablesChecks = new AtomicInteger();

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ObjectMapper json = new ObjectMapper();

	@Value("${local.server.port}")
	int port;

	@LocalManagementPort
	int managementPort;

	@AfterAll
	static void closeBlackHoles() throws IOException {
		database.close();
		redis.close();
	}

	@Test
	void livenessIsUpOnTheMainPortWhileEveryDependencyHangs() throws Exception {
		HttpResponse<String> live = get(this.port, "/health/live");
		assertThat(live.statusCode()).isEqualTo(200);
		JsonNode components = this.json.readTree(live.body()).path("components");
		assertThat(components.fieldNames()).toIterable()
			.containsExactlyInAnyOrder("livenessState", "deadlocks", "gcOverhead");
	}

	@Test
	void readinessIsDownWithTimeoutWithinTheLimitPlusOneSecond() throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> ready = get(this.port, "/health/ready");
		long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		assertThat(ready.statusCode()).isEqualTo(503);
		// Two hung members, checked side by side: one limit (2s), not two.
		assertThat(tookMillis).isLessThan(3000);
		JsonNode components = this.json.readTree(ready.body()).path("components");
		assertThat(components.path("db").path("status").asText()).isEqualTo("DOWN");
		assertThat(components.path("db").path("details").path("error").asText()).isEqualTo("timeout");
		assertThat(components.path("redis").path("details").path("error").asText()).isEqualTo("timeout");
		assertThat(components.path("readinessState").path("status").asText()).isEqualTo("UP");
		assertThat(get(this.port, "/health/live").statusCode()).isEqualTo(200);
	}

	@Test
	void repeatedProbesNeverPileUpChecksOnAHungDependency() throws Exception {
		for (int i = 0; i < 5; i++) {
			long started = System.nanoTime();
			assertThat(get(this.port, "/health/ready").statusCode()).isEqualTo(503);
			assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis()).isLessThan(3000);
		}
		assertThat(database.connections()).isEqualTo(1);
		assertThat(redis.connections()).isEqualTo(1);
	}

	@Test
	void deepReadinessAddsBusinessChecksAndOnlyItRunsThem() throws Exception {
		// Past the reuse of any earlier deep probe's result (time limit and cache TTL).
		Thread.sleep(2100);
		int before = writableTablesChecks.get();
		get(this.port, "/health/live");
		HttpResponse<String> ready = get(this.port, "/health/ready");
		assertThat(this.json.readTree(ready.body()).path("components").has("writableTables")).isFalse();
		assertThat(writableTablesChecks).hasValue(before);
		HttpResponse<String> deep = get(this.port, "/health/ready?deep=true");
		assertThat(deep.statusCode()).isEqualTo(503);
		JsonNode components = this.json.readTree(deep.body()).path("components");
		assertThat(components.path("writableTables").path("status").asText()).isEqualTo("UP");
		assertThat(components.has("db")).isTrue();
		assertThat(writableTablesChecks).hasValue(before + 1);
	}

	@Test
	void actuatorGroupsAnswerOnTheManagementPort() throws Exception {
		assertThat(get(this.managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(get(this.managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(503);
		HttpResponse<String> deep = get(this.managementPort, "/actuator/health/deep");
		assertThat(this.json.readTree(deep.body()).path("components").has("writableTables")).isTrue();
		assertThat(get(this.port, "/actuator/health").statusCode()).isEqualTo(404);
	}

	private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ProbesApplication {

		@Bean
		HealthIndicator dbHealthIndicator() {
			return () -> {
				database.ping();
				return Health.up().build();
			};
		}

		@Bean
		HealthIndicator redisHealthIndicator() {
			return () -> {
				redis.ping();
				return Health.up().build();
			};
		}

		@Bean
		HealthIndicator writableTablesHealthIndicator() {
			return () -> {
				writableTablesChecks.incrementAndGet();
				return Health.up().build();
			};
		}

	}

}
