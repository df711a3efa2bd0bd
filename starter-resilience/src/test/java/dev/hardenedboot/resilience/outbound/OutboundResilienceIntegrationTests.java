package dev.hardenedboot.resilience.outbound;

import java.net.http.HttpResponse;
import java.util.List;

import dev.hardenedboot.resilience.web.AppClient;
import dev.hardenedboot.resilience.web.Downstream;
import dev.hardenedboot.resilience.web.Downstream.Answer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outbound calls through Boot's {@code RestClient.Builder}, with no code of the application's
 * own, against a real downstream. One pooled connection per host and a short wait for it: a
 * response body left unreleased would make the next call fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hardened.http.client.max-connections-per-route=1",
				"hardened.http.client.connection-request-timeout=500ms",
				"hardened.resilience.stale-if-error.max-body-size=64B" })
class OutboundResilienceIntegrationTests {

	private static final Downstream downstream = new Downstream();

	private static final String BREAKER = "http-127.0.0.1";

	@LocalServerPort
	private int port;

	@Autowired
	private CircuitBreakerRegistry breakers;

	@Autowired
	private MeterRegistry meters;

	private AppClient app;

	@BeforeEach
	void freshBreaker() {
		this.app = new AppClient(this.port);
		this.breakers.circuitBreaker(BREAKER).reset();
	}

	@AfterAll
	static void stop() {
		downstream.close();
	}

	@Test
	void theHostsBreakerOpensAfterTenFailuresAndTheCallerGets503WithRetryAfter() {
		// A 500 is not retried: one call, one attempt.
		downstream.answer("/down", Answer.status(500));
		for (int i = 0; i < 10; i++) {
			assertThat(this.app.get("/proxy?path=/down").statusCode()).isEqualTo(500);
		}
		assertThat(this.breakers.circuitBreaker(BREAKER).getState()).isEqualTo(CircuitBreaker.State.OPEN);
		HttpResponse<String> refused = this.app.get("/proxy?path=/down");
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(AppClient.json(refused).get("code").asText()).isEqualTo("DEPENDENCY_UNAVAILABLE");
		assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(28L, 30L);
		assertThat(downstream.hits("/down")).isEqualTo(10);
	}

	@Test
	void a404IsNoFailureOfTheHost() {
		downstream.answer("/gone", Answer.status(404));
		for (int i = 0; i < 20; i++) {
			this.app.get("/proxy?path=/gone");
		}
		CircuitBreaker breaker = this.breakers.circuitBreaker(BREAKER);
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void theLastGoodAnswerIsServedWhileTheDependencyFailsAndWhileItsBreakerIsOpen() {
		double servedBefore = served("open");
		downstream.answer("/prices", Answer.ok("price list v1"));
		HttpResponse<String> fresh = this.app.get("/proxy?path=/prices");
		assertThat(fresh.body()).isEqualTo("price list v1");
		assertThat(fresh.headers().firstValue("X-Downstream-Warning")).isEmpty();
		downstream.answer("/prices", Answer.status(500));
		for (int i = 0; i < 9; i++) {
			HttpResponse<String> stale = this.app.get("/proxy?path=/prices");
			assertThat(stale.statusCode()).isEqualTo(200);
			assertThat(stale.body()).isEqualTo("price list v1");
			assertThat(stale.headers().firstValue("X-Downstream-Warning")).hasValue("110 - \"Response is Stale\"");
			assertThat(stale.headers().firstValue("X-Downstream-Age")).isPresent();
		}
		// Each stale answer still counted as a failure of the host: 9 of 10 calls failed, its
		// breaker is open now, the downstream is left alone, and the last good answer keeps coming.
		assertThat(this.breakers.circuitBreaker(BREAKER).getState()).isEqualTo(CircuitBreaker.State.OPEN);
		HttpResponse<String> whileOpen = this.app.get("/proxy?path=/prices");
		assertThat(whileOpen.body()).isEqualTo("price list v1");
		assertThat(whileOpen.headers().firstValue("X-Downstream-Warning")).isPresent();
		assertThat(downstream.hits("/prices")).isEqualTo(10);
		assertThat(served("open") - servedBefore).isEqualTo(1);
	}

	@Test
	void aNoStoreAnswerIsNeverServedStale() {
		downstream.answer("/no-store", Answer.ok("secret").withHeader("Cache-Control", "no-store"));
		assertThat(this.app.get("/proxy?path=/no-store").body()).isEqualTo("secret");
		downstream.answer("/no-store", Answer.status(500));
		assertThat(this.app.get("/proxy?path=/no-store").statusCode()).isEqualTo(500);
	}

	@Test
	void aCredentialedAnswerIsNeverServedToARequestWithoutTheSameCredentials() {
		downstream.answer("/me", Answer.ok("alice's orders"));
		assertThat(this.app.get("/proxy?path=/me", "Authorization", "Bearer alice").body())
			.isEqualTo("alice's orders");
		downstream.answer("/me", Answer.status(500));
		assertThat(this.app.get("/proxy?path=/me").statusCode()).isEqualTo(500);
		assertThat(this.app.get("/proxy?path=/me", "Authorization", "Bearer bob").statusCode()).isEqualTo(500);
		// Not public: not kept at all, not even for alice.
		assertThat(this.app.get("/proxy?path=/me", "Authorization", "Bearer alice").statusCode()).isEqualTo(500);
	}

	@Test
	void aPublicCredentialedAnswerGoesBackOnlyToTheSameCredentials() {
		downstream.answer("/catalog", Answer.ok("catalog").withHeader("Cache-Control", "public, max-age=60"));
		assertThat(this.app.get("/proxy?path=/catalog", "Authorization", "Bearer alice").body()).isEqualTo("catalog");
		downstream.answer("/catalog", Answer.status(503));
		assertThat(this.app.get("/proxy?path=/catalog").statusCode()).isEqualTo(500);
		assertThat(this.app.get("/proxy?path=/catalog", "Authorization", "Bearer bob").statusCode()).isEqualTo(500);
		assertThat(this.app.get("/proxy?path=/catalog", "Authorization", "Bearer alice").body()).isEqualTo("catalog");
	}

	@Test
	void anAnswerLargerThanTheLimitPassesThroughWholeAndIsNotKept() {
		String large = "x".repeat(200);
		downstream.answer("/large", Answer.ok(large));
		assertThat(this.app.get("/proxy?path=/large").body()).isEqualTo(large);
		// Read past the limit and handed on: the pooled connection is released all the same.
		assertThat(this.app.get("/proxy?path=/large").body()).isEqualTo(large);
		downstream.answer("/large", Answer.status(500));
		assertThat(this.app.get("/proxy?path=/large").statusCode()).isEqualTo(500);
	}

	@Test
	void theKeyHoldsTheHeadersTheAnswerVariesOn() {
		downstream.answer("/greeting", Answer.ok("bonjour").withHeader("Vary", "Accept-Language"));
		assertThat(this.app.get("/proxy?path=/greeting", "Accept-Language", "fr").body()).isEqualTo("bonjour");
		downstream.answer("/greeting", Answer.status(500));
		assertThat(this.app.get("/proxy?path=/greeting", "Accept-Language", "de").statusCode()).isEqualTo(500);
		assertThat(this.app.get("/proxy?path=/greeting", "Accept-Language", "fr").body()).isEqualTo("bonjour");
	}

	@Test
	void anIdempotentCallIsRetriedOnceOnA503AndTheBreakerSeesOneSuccess() {
		// The budget grows with calls: one retry per ten.
		downstream.answer("/warm", Answer.ok("warm"));
		for (int i = 0; i < 10; i++) {
			this.app.get("/proxy?path=/warm");
		}
		CircuitBreaker breaker = this.breakers.circuitBreaker(BREAKER);
		breaker.reset();
		downstream.answer("/flaky", List.of(Answer.status(503), Answer.ok("second try")));
		HttpResponse<String> response = this.app.get("/proxy?path=/flaky");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("second try");
		assertThat(downstream.hits("/flaky")).isEqualTo(2);
		assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
		assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void aPostIsNeverRetried() {
		downstream.answer("/orders", List.of(Answer.status(503), Answer.ok("created")));
		assertThat(this.app.post("/proxy?path=/orders").statusCode()).isEqualTo(500);
		assertThat(downstream.hits("/orders")).isEqualTo(1);
	}

	@Test
	void retriesStayWithinTenPercentOfTheCalls() {
		double retriedBefore = retries("retried");
		double refusedBefore = retries("budget_exhausted");
		// A host of its own, so its budget starts empty; its breaker stays out of the way.
		this.breakers.circuitBreaker("http-localhost").transitionToDisabledState();
		downstream.answer("/always-busy", Answer.status(503));
		for (int i = 0; i < 30; i++) {
			assertThat(this.app.get("/proxy?host=localhost&path=/always-busy").statusCode()).isEqualTo(500);
		}
		int retried = downstream.hits("/always-busy") - 30;
		assertThat(retried).isBetween(1, 3);
		assertThat(retries("retried") - retriedBefore).isEqualTo(retried);
		assertThat(retries("budget_exhausted") - refusedBefore).isEqualTo(30 - retried);
	}

	private double retries(String outcome) {
		return this.meters.get("hardened.http.client.retries").tag("outcome", outcome).counter().count();
	}

	private double served(String reason) {
		return this.meters.get("hardened.http.client.stale.served").tag("reason", reason).counter().count();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ProxyController.class)
	static class App {

	}

	/** Calls the downstream as application code does, through Boot's builder. */
	@RestController
	static class ProxyController {

		private final RestClient client;

		ProxyController(RestClient.Builder builder) {
			this.client = builder.build();
		}

		@PostMapping("/proxy")
		String post(@RequestParam String path) {
			return this.client.post().uri(downstream.url(path)).retrieve().body(String.class);
		}

		@GetMapping("/proxy")
		ResponseEntity<String> proxy(@RequestParam String path,
				@RequestParam(defaultValue = "127.0.0.1") String host,
				@Nullable @RequestHeader(name = "Authorization", required = false) String authorization,
				@Nullable @RequestHeader(name = "Accept-Language", required = false) String language) {
			RestClient.RequestHeadersSpec<?> call = this.client.get().uri(downstream.url(host, path));
			if (authorization != null) {
				call = call.header("Authorization", authorization);
			}
			if (language != null) {
				call = call.header("Accept-Language", language);
			}
			ResponseEntity<String> answer = call.retrieve().toEntity(String.class);
			ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.getStatusCode());
			String warning = answer.getHeaders().getFirst("Warning");
			if (warning != null) {
				response.header("X-Downstream-Warning", warning)
					.header("X-Downstream-Age", answer.getHeaders().getFirst("Age"));
			}
			return response.body(answer.getBody());
		}

	}


}
