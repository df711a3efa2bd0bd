package dev.hardenedboot.resilience.retry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.hardenedboot.resilience.circuitbreaker.BusinessOutcome;
import dev.hardenedboot.resilience.web.Downstream;
import dev.hardenedboot.resilience.web.Downstream.Answer;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.retry.annotation.Retry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code @Retry} methods as a newcomer writes them, with no retry configuration, against a
 * real downstream: every retry instance obeys a retry budget of its own.
 */
@SpringBootTest(properties = { "resilience4j.retry.instances.tuned.max-attempts=3",
		"resilience4j.retry.instances.tuned.wait-duration=10ms" })
class RetryBudgetIntegrationTests {

	private static final Downstream downstream = new Downstream();

	@Autowired
	private Calls calls;

	@Autowired
	private RetryRegistry retries;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ApplicationContext context;

	@AfterAll
	static void stop() {
		downstream.close();
	}

	@Test
	void retriesOfAFailingDependencyStayWithinTenPercentOfTheCalls() {
		downstream.answer("/inventory", Answer.status(500));
		for (int i = 0; i < 100; i++) {
			assertThatExceptionOfType(HttpServerErrorException.InternalServerError.class)
				.isThrownBy(() -> this.calls.inventory());
		}
		int retried = downstream.hits("/inventory") - 100;
		// 10 % of the calls, plus what the allowance (one retry per ten seconds) earned since
		// the budget was created at start-up. Without a budget: 100.
		long seconds = Duration.ofMillis(System.currentTimeMillis() - this.context.getStartupDate()).toSeconds() + 1;
		long allowance = (long) Math.ceil(seconds * 0.1);
		assertThat(retried).isPositive().isLessThanOrEqualTo((int) (10 + allowance));
		assertThat(exhausted("inventory")).isEqualTo(100 - retried);
		assertThat(this.retries.retry("inventory").getMetrics().getNumberOfFailedCallsWithRetryAttempt())
			.isEqualTo(retried);
		System.out.printf("retry budget: 100 failing calls, %d retries, %d refused (allowance %d)%n", retried,
				100 - retried, allowance);
	}

	@Test
	void aTransientFailureIsRetriedWhileTheBudgetLasts() {
		downstream.answer("/catalog", Answer.ok("catalog"));
		for (int i = 0; i < 10; i++) {
			assertThat(this.calls.catalog()).isEqualTo("catalog");
		}
		// Ten calls earned one retry.
		downstream.answer("/catalog", List.of(Answer.status(500), Answer.ok("catalog again")));
		assertThat(this.calls.catalog()).isEqualTo("catalog again");
		assertThat(downstream.hits("/catalog")).isEqualTo(12);
		assertThat(exhausted("catalog")).isZero();
	}

	@Test
	void aRetryTheBudgetRefusesEndsTheCallWithTheOriginalFailure() {
		downstream.answer("/refused", Answer.status(500));
		// The budget starts empty; time may have earned it a retry since start-up.
		for (int i = 0; i < 20; i++) {
			double refusedBefore = exhausted("refused");
			int hitsBefore = downstream.hits("/refused");
			Throwable failure = catchThrowable(() -> this.calls.refused());
			if (exhausted("refused") > refusedBefore) {
				assertThat(failure).isInstanceOf(HttpServerErrorException.InternalServerError.class);
				assertThat(downstream.hits("/refused") - hitsBefore).isEqualTo(1);
				return;
			}
		}
		fail("The budget never refused a retry");
	}

	@Test
	void anAsynchronousRetryTheBudgetRefusesCompletesWithTheOriginalFailure() {
		downstream.answer("/async", Answer.status(500));
		for (int i = 0; i < 20; i++) {
			double refusedBefore = exhausted("async");
			int hitsBefore = downstream.hits("/async");
			CompletableFuture<String> call = this.calls.async();
			assertThat(call).failsWithin(5, TimeUnit.SECONDS)
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(HttpServerErrorException.InternalServerError.class);
			if (exhausted("async") > refusedBefore) {
				assertThat(downstream.hits("/async") - hitsBefore).isEqualTo(1);
				return;
			}
		}
		fail("The budget never refused a retry");
	}

	@Test
	void anInstancesOwnConfigurationWinsFieldByFieldAndTheBudgetStays() {
		RetryConfig tuned = this.retries.retry("tuned").getRetryConfig();
		assertThat(tuned.getMaxAttempts()).isEqualTo(3);
		assertThat(RetryBudgets.drawsOn(this.retries.retry("tuned"), "tuned")).isTrue();
		// The default's exception classification still applies.
		assertThat(tuned.getExceptionPredicate()).accepts(new IllegalStateException()).rejects(new Declined());
		downstream.answer("/tuned", Answer.ok("tuned"));
		for (int i = 0; i < 20; i++) {
			this.calls.tuned();
		}
		// Twenty calls earned two retries: both attempts after the first are made.
		downstream.answer("/tuned", List.of(Answer.status(500), Answer.status(500), Answer.ok("third time")));
		assertThat(this.calls.tuned()).isEqualTo("third time");
		assertThat(downstream.hits("/tuned")).isEqualTo(23);
	}

	@Test
	void everyAnnotatedInstanceHasABudgetOfItsOwn() {
		for (String name : new String[] { "inventory", "catalog", "refused", "async", "tuned" }) {
			assertThat(RetryBudgets.drawsOn(this.retries.retry(name), name)).as(name).isTrue();
		}
		// An instance only created at run time shares the budget of its config.
		assertThat(RetryBudgets.drawsOn(this.retries.retry("ad-hoc"), "default")).isTrue();
	}

	private double exhausted(String name) {
		return this.meters.get(RetryBudgets.EXHAUSTED_METRIC).tag("name", name).counter().count();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Calls.class)
	static class App {

	}

	static class Declined extends RuntimeException implements BusinessOutcome {

	}

	/** As a newcomer writes it: annotations, no configuration. */
	@Service
	static class Calls {

		private final RestClient client = RestClient.create();

		@Retry(name = "inventory")
		public String inventory() {
			return get("/inventory");
		}

		@Retry(name = "catalog")
		public String catalog() {
			return get("/catalog");
		}

		@Retry(name = "refused")
		public String refused() {
			return get("/refused");
		}

		@Retry(name = "async")
		public CompletableFuture<String> async() {
			return CompletableFuture.supplyAsync(() -> get("/async"));
		}

		@Retry(name = "tuned")
		public String tuned() {
			return get("/tuned");
		}

		private String get(String path) {
			return this.client.get().uri(downstream.url(path)).retrieve().body(String.class);
		}

	}

}
