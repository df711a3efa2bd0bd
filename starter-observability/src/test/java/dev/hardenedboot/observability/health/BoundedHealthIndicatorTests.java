package dev.hardenedboot.observability.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedHealthIndicatorTests {

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger calls = new AtomicInteger();

	private final HealthCheckExecutor executor = new HealthCheckExecutor(2, 2, Duration.ofMillis(300),
			Duration.ofMillis(400));

	@AfterEach
	void releaseHungChecks() {
		this.release.countDown();
		this.executor.destroy();
	}

	@Test
	void hungIndicatorReadsDownWithTimeoutWithinItsLimit() {
		BoundedHealthIndicator bounded = new BoundedHealthIndicator(this::hang, this.executor);
		long started = System.nanoTime();
		Health health = bounded.health();
		long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "timeout").containsEntry("timeout", "300ms");
		assertThat(tookMillis).isBetween(250L, 1300L);
	}

	@Test
	void probeJoiningAHungCheckAnswersAtOnceAndStartsNoSecondCheck() {
		BoundedHealthIndicator bounded = new BoundedHealthIndicator(this::hang, this.executor);
		bounded.health();
		long started = System.nanoTime();
		Health again = bounded.health();
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(250);
		assertThat(again.getDetails()).containsEntry("error", "timeout");
		assertThat(this.calls).hasValue(1);
		assertThat(this.executor.getActiveCount()).isEqualTo(1);
	}

	@Test
	void concurrentProbesShareOneCheck() throws Exception {
		BoundedHealthIndicator bounded = new BoundedHealthIndicator(() -> {
			this.calls.incrementAndGet();
			sleep(100);
			return Health.up().build();
		}, this.executor);
		ExecutorService probes = Executors.newFixedThreadPool(8);
		try {
			List<Future<Health>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				results.add(probes.submit(() -> bounded.health()));
			}
			for (Future<Health> result : results) {
				assertThat(result.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(Status.UP);
			}
		}
		finally {
			probes.shutdownNow();
		}
		assertThat(this.calls).hasValue(1);
	}

	@Test
	void resultIsReusedForTheCacheTtlThenCheckedAgain() {
		BoundedHealthIndicator bounded = new BoundedHealthIndicator(() -> Health.up()
			.withDetail("call", this.calls.incrementAndGet())
			.build(), this.executor);
		assertThat(bounded.health().getDetails()).containsEntry("call", 1);
		assertThat(bounded.health().getDetails()).containsEntry("call", 1);
		sleep(450);
		assertThat(bounded.health().getDetails()).containsEntry("call", 2);
	}

	@Test
	void resultIsReusedWithinTheTimeLimitOfItsStartEvenPastTheTtl() {
		HealthCheckExecutor noCache = new HealthCheckExecutor(1, 1, Duration.ofMillis(500), Duration.ZERO);
		try {
			BoundedHealthIndicator bounded = new BoundedHealthIndicator(() -> Health.up()
				.withDetail("call", this.calls.incrementAndGet())
				.build(), noCache);
			bounded.start();
			sleep(100);
			assertThat(bounded.health().getDetails()).containsEntry("call", 1);
			sleep(450);
			assertThat(bounded.health().getDetails()).containsEntry("call", 2);
		}
		finally {
			noCache.destroy();
		}
	}

	@Test
	void detailsAreLeftOutWhenNotAskedFor() {
		BoundedHealthIndicator bounded = new BoundedHealthIndicator(
				() -> Health.up().withDetail("version", "16").build(), this.executor);
		assertThat(bounded.getHealth(false).getDetails()).isEmpty();
		assertThat(bounded.getHealth(true).getDetails()).containsEntry("version", "16");
	}

	@Test
	void indicatorThatThrowsReadsDown() {
		BoundedHealthIndicator bounded = new BoundedHealthIndicator(() -> {
			throw new IllegalStateException("broken");
		}, this.executor);
		Health health = bounded.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("error").toString()).contains("broken");
	}

	@Test
	void checkBeyondThePoolAndQueueReadsDownAtOnce() {
		// Two threads and two queue slots, all taken by hung checks of other indicators.
		for (int i = 0; i < 4; i++) {
			new BoundedHealthIndicator(this::hang, this.executor).start();
		}
		Health health = new BoundedHealthIndicator(() -> Health.up().build(), this.executor).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("error").toString()).contains("RejectedExecutionException");
	}

	private Health hang() {
		this.calls.incrementAndGet();
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Health.up().build();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
