package dev.hardenedboot.resilience.circuitbreaker;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardenedboot.resilience.web.AppClient;
import dev.hardenedboot.resilience.web.Downstream;
import dev.hardenedboot.resilience.web.Downstream.Answer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.annotation.Retry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's {@code @CircuitBreaker} methods with no resilience4j configuration at all,
 * against a real downstream: the defaults apply to instances named only in an annotation.
 * Retries are unbudgeted here, so that every call of the retried method is retried and the
 * test shows the aspect order alone (the budget has RetryBudgetIntegrationTests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hardened.resilience.slow-call-threshold=150ms",
				"resilience4j.circuitbreaker.instances.trial.wait-duration-in-open-state=1s",
				"hardened.resilience.retry.budget-enabled=false" })
class CircuitBreakerIntegrationTests {

	private static final Downstream downstream = new Downstream();

	@LocalServerPort
	private int port;

	@Autowired
	private CircuitBreakerRegistry breakers;

	private AppClient app;

	@BeforeEach
	void client() {
		this.app = new AppClient(this.port);
	}

	@AfterAll
	static void stop() {
		downstream.close();
	}

	@Test
	void tenFailuresOpenTheBreakerAndFurtherCallsGet503WithRetryAfter() {
		downstream.answer("/x", Answer.status(500));
		for (int i = 0; i < 10; i++) {
			assertThat(this.app.get("/call/x").statusCode()).isEqualTo(500);
		}
		assertThat(downstream.hits("/x")).isEqualTo(10);
		HttpResponse<String> refused = this.app.get("/call/x");
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = AppClient.json(refused);
		assertThat(problem.get("code").asText()).isEqualTo("DEPENDENCY_UNAVAILABLE");
		assertThat(problem.get("detail").asText()).doesNotContain("x");
		// The default open period is 30 s; what is left of it, rounded up.
		assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(28L, 30L);
		assertThat(downstream.hits("/x")).isEqualTo(10);
	}

	@Test
	void afterTheOpenPeriodOneTrialCallGoesThroughAndSuccessClosesTheBreaker() throws InterruptedException {
		downstream.answer("/trial", Answer.status(500));
		for (int i = 0; i < 10; i++) {
			this.app.get("/call/trial");
		}
		CircuitBreaker breaker = this.breakers.circuitBreaker("trial");
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		HttpResponse<String> refused = this.app.get("/call/trial");
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
		Thread.sleep(1100);
		downstream.answer("/trial", Answer.ok("fresh"));
		HttpResponse<String> trial = this.app.get("/call/trial");
		assertThat(trial.statusCode()).isEqualTo(200);
		assertThat(trial.body()).isEqualTo("fresh");
		assertThat(downstream.hits("/trial")).isEqualTo(11);
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void a404FromTheDownstreamIsNotAFailure() {
		downstream.answer("/missing", Answer.status(404));
		for (int i = 0; i < 20; i++) {
			this.app.get("/call/missing");
		}
		CircuitBreaker breaker = this.breakers.circuitBreaker("missing");
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
		assertThat(downstream.hits("/missing")).isEqualTo(20);
	}

	@Test
	void slowCallsOpenTheBreaker() {
		downstream.answer("/slow", Answer.ok("late").after(Duration.ofMillis(250)));
		for (int i = 0; i < 10; i++) {
			assertThat(this.app.get("/call/slow").statusCode()).isEqualTo(200);
		}
		CircuitBreaker breaker = this.breakers.circuitBreaker("slow");
		assertThat(breaker.getMetrics().getNumberOfSlowCalls()).isEqualTo(10);
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(this.app.get("/call/slow").statusCode()).isEqualTo(503);
	}

	@Test
	void withRetryTheBreakerRecordsOneOutcomePerLogicalCall() {
		downstream.answer("/retried", Answer.status(500));
		assertThat(this.app.get("/retried").statusCode()).isEqualTo(500);
		// Two attempts reached the downstream; the breaker saw one failed call.
		assertThat(downstream.hits("/retried")).isEqualTo(2);
		CircuitBreaker breaker = this.breakers.circuitBreaker("retried");
		assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
		for (int i = 1; i < 10; i++) {
			this.app.get("/retried");
		}
		assertThat(downstream.hits("/retried")).isEqualTo(20);
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		// Open: refused at once, the retry does not repeat the refusal.
		assertThat(this.app.get("/retried").statusCode()).isEqualTo(503);
		assertThat(downstream.hits("/retried")).isEqualTo(20);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ CallController.class, DownstreamService.class })
	static class App {

	}

	@RestController
	static class CallController {

		private final DownstreamService service;

		CallController(DownstreamService service) {
			this.service = service;
		}

		@GetMapping("/call/{name}")
		String call(@PathVariable String name) {
			return switch (name) {
				case "x" -> this.service.x();
				case "trial" -> this.service.trial();
				case "missing" -> this.service.missing();
				case "slow" -> this.service.slow();
				default -> throw new IllegalArgumentException(name);
			};
		}

		@GetMapping("/retried")
		String retried() {
			return this.service.retried();
		}

	}

	/** As a newcomer writes it: annotations, no configuration. */
	@Service
	static class DownstreamService {

		private final RestClient client = RestClient.create();

		@io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker(name = "x")
		public String x() {
			return get("/x");
		}

		@io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker(name = "trial")
		public String trial() {
			return get("/trial");
		}

		@io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker(name = "missing")
		public String missing() {
			return get("/missing");
		}

		@io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker(name = "slow")
		public String slow() {
			return get("/slow");
		}

		@Retry(name = "retried")
		@io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker(name = "retried")
		public String retried() {
			return get("/retried");
		}

		private String get(String path) {
			return this.client.get().uri(downstream.url(path)).retrieve().body(String.class);
		}

	}

}
