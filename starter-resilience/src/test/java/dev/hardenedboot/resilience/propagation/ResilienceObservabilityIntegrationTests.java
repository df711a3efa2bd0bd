package dev.hardenedboot.resilience.propagation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.RequestContext;
import io.github.resilience4j.bulkhead.annotation.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.annotation.TimeLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of the breakers, and what resilience4j's own threads keep of the
 * request that used them.
 */
@SpringBootTest(properties = "resilience4j.timelimiter.instances.slow.timeout-duration=100ms")
class ResilienceObservabilityIntegrationTests {

	@Autowired
	private CircuitBreakerRegistry breakers;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private HealthContributorRegistry health;

	@Autowired
	private WorkOnOtherThreads work;

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void breakerStatesAndCallsAreMetrics() {
		this.breakers.circuitBreaker("metered").executeSupplier(() -> "ok");
		assertThat(this.meters.get("resilience4j.circuitbreaker.state")
			.tag("name", "metered")
			.tag("state", "closed")
			.gauge()
			.value()).isEqualTo(1);
		assertThat(this.meters.get("resilience4j.circuitbreaker.calls")
			.tag("name", "metered")
			.tag("kind", "successful")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void breakerHealthIsContributedAndAnOpenBreakerIsDown() {
		this.breakers.circuitBreaker("watched").transitionToOpenState();
		HealthIndicator indicator = (HealthIndicator) this.health.getContributor("circuitBreakers");
		assertThat(indicator).isNotNull();
		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		this.breakers.circuitBreaker("watched").transitionToClosedState();
		// starter-observability caches every indicator's result briefly (hardened.health.cache-ttl).
		await().atMost(Duration.ofSeconds(5)).until(() -> indicator.health().getStatus().equals(Status.UP));
	}

	@Test
	void aThreadPoolBulkheadRunsWithTheRequestsMdcAndContext() throws Exception {
		MDC.put("request_id", "req-42");
		Deadline deadline = Deadline.after(Duration.ofSeconds(5));
		try (RequestContext.Scope scope = RequestContext.bind(RequestContext.of("req-42").withDeadline(deadline))) {
			Map<String, String> seen = this.work.inBulkhead().get(5, TimeUnit.SECONDS);
			assertThat(seen).containsEntry("mdc", "req-42")
				.containsEntry("context", "req-42")
				.containsEntry("deadline", "true");
			assertThat(seen.get("thread")).isNotEqualTo(Thread.currentThread().getName());
		}
	}

	@Test
	void aTimeLimitersFallbackRunsWithTheRequestsMdc() throws Exception {
		MDC.put("request_id", "req-43");
		try (RequestContext.Scope scope = RequestContext.bind(RequestContext.of("req-43"))) {
			assertThat(this.work.slow().get(5, TimeUnit.SECONDS)).isEqualTo("fallback for req-43");
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(WorkOnOtherThreads.class)
	static class App {

	}

	@Service
	static class WorkOnOtherThreads {

		@Bulkhead(name = "pool", type = Bulkhead.Type.THREADPOOL)
		public CompletableFuture<Map<String, String>> inBulkhead() {
			RequestContext context = RequestContext.currentOrNull();
			return CompletableFuture.completedFuture(Map.of("mdc", String.valueOf(MDC.get("request_id")), "context",
					(context != null) ? context.requestId() : "none", "deadline",
					String.valueOf(context != null && context.deadline().isPresent()), "thread",
					Thread.currentThread().getName()));
		}

		@TimeLimiter(name = "slow", fallbackMethod = "slowFallback")
		public CompletableFuture<String> slow() {
			return new CompletableFuture<>();
		}

		CompletableFuture<String> slowFallback(Throwable failure) {
			return CompletableFuture.completedFuture("fallback for " + MDC.get("request_id"));
		}

	}

}
