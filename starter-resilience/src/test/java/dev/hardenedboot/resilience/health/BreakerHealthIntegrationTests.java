package dev.hardenedboot.resilience.health;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardenedboot.resilience.web.AppClient;
import dev.hardenedboot.resilience.web.Downstream;
import dev.hardenedboot.resilience.web.Downstream.Answer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A breaker opened by real failures of a real downstream, and what each health path answers
 * meanwhile: a dependency's outage must not take the instance out of a load balancer that
 * probes the root or plain readiness.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoint.health.show-details=always", "hardened.health.cache-ttl=0s" })
class BreakerHealthIntegrationTests {

	private static final Downstream downstream = new Downstream();

	private static final String BREAKER = "http-127.0.0.1";

	@LocalServerPort
	private int port;

	@Autowired
	private RestClient.Builder restClient;

	@Autowired
	private CircuitBreakerRegistry breakers;

	private AppClient app;

	@BeforeEach
	void openTheBreaker() {
		this.app = new AppClient(this.port);
		this.breakers.circuitBreaker(BREAKER).reset();
		downstream.answer("/down", Answer.status(500));
		RestClient client = this.restClient.build();
		for (int i = 0; i < 10; i++) {
			try {
				client.get().uri(downstream.url("/down")).retrieve().toBodilessEntity();
			}
			catch (RuntimeException ex) {
				// A 500: what opens the breaker.
			}
		}
		assertThat(this.breakers.circuitBreaker(BREAKER).getState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	@AfterAll
	static void stop() {
		downstream.close();
	}

	@Test
	void theRootHealthStaysUpAndLeavesTheBreakersOut() {
		HttpResponse<String> root = this.app.get("/actuator/health");
		assertThat(root.statusCode()).isEqualTo(200);
		JsonNode health = AppClient.json(root);
		assertThat(health.get("status").asText()).isEqualTo("UP");
		assertThat(health.get("components").has("circuitBreakers")).isFalse();
		assertThat(health.get("components").has("livenessState")).isTrue();
	}

	@Test
	void plainReadinessStaysUp() {
		for (String path : new String[] { "/health/ready", "/actuator/health/readiness" }) {
			HttpResponse<String> ready = this.app.get(path);
			assertThat(ready.statusCode()).as(path).isEqualTo(200);
			assertThat(AppClient.json(ready).get("status").asText()).as(path).isEqualTo("UP");
		}
	}

	@Test
	void deepReadinessIsDownWithTheOpenBreaker() {
		for (String path : new String[] { "/health/ready?deep=true", "/actuator/health/deep" }) {
			HttpResponse<String> deep = this.app.get(path);
			assertThat(deep.statusCode()).as(path).isEqualTo(503);
			JsonNode health = AppClient.json(deep);
			assertThat(health.get("status").asText()).as(path).isEqualTo("DOWN");
			JsonNode breakers = health.get("components").get("circuitBreakers");
			assertThat(breakers.get("status").asText()).isEqualTo("DOWN");
			assertThat(breakers.get("details").get(BREAKER).get("details").get("state").asText()).isEqualTo("OPEN");
		}
	}

	@Test
	void theGroupsKeepTheirOwnPaths() {
		assertThat(this.app.get("/livez").statusCode()).isEqualTo(200);
		assertThat(this.app.get("/health/live").statusCode()).isEqualTo(200);
		assertThat(this.app.get("/deepz").statusCode()).isEqualTo(503);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
