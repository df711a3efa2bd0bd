package dev.hardenedboot.resilience.shedding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.Limiter;
import dev.hardenedboot.resilience.shedding.LoadSheddingProperties.Algorithm;
import dev.hardenedboot.resilience.shedding.PathGroupLimiters.GroupLimiter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathGroupLimitersTests {

	private final AtomicLong nanoTime = new AtomicLong();

	@Test
	void theAdaptiveLimitFallsWhenLatencyRisesAndRecoversAfter() {
		LoadSheddingProperties properties = new LoadSheddingProperties();
		properties.setInitialLimit(20);
		properties.setMinLimit(2);
		GroupLimiter group = new PathGroupLimiters(properties, this.nanoTime::get).groupOf("/orders").orElseThrow();
		assertThat(properties.getAlgorithm()).isEqualTo(Algorithm.VEGAS);
		runFullyLoaded(group, Duration.ofMillis(10), 4);
		int fast = group.limit();
		// Vegas re-learns its baseline latency every few thousand samples, so a latency that
		// stays high becomes the new normal; the step is what it reacts to.
		runFullyLoaded(group, Duration.ofMillis(400), 1);
		int slow = group.limit();
		runFullyLoaded(group, Duration.ofMillis(10), 4);
		int recovered = group.limit();
		assertThat(slow).isLessThan(fast / 2);
		assertThat(recovered).isGreaterThan(slow * 2);
	}

	@Test
	void gradient2AlsoFallsWhenLatencyRises() {
		LoadSheddingProperties properties = new LoadSheddingProperties();
		properties.setAlgorithm(Algorithm.GRADIENT2);
		properties.setInitialLimit(20);
		properties.setMinLimit(2);
		GroupLimiter group = new PathGroupLimiters(properties, this.nanoTime::get).groupOf("/orders").orElseThrow();
		runFullyLoaded(group, Duration.ofMillis(10), 20);
		int fast = group.limit();
		runFullyLoaded(group, Duration.ofMillis(400), 1);
		assertThat(group.limit()).isLessThan(fast);
	}

	@Test
	void latencyWithinTheToleranceNeverLowersTheLimit() {
		LoadSheddingProperties properties = new LoadSheddingProperties();
		properties.setInitialLimit(20);
		properties.setMinLimit(2);
		assertThat(properties.getToleratedLatency()).isEqualTo(Duration.ofMillis(50));
		GroupLimiter group = new PathGroupLimiters(properties, this.nanoTime::get).groupOf("/orders").orElseThrow();
		runFullyLoaded(group, Duration.ofMillis(1), 4);
		int fast = group.limit();
		// Eight times slower, still within the tolerance: a busy server's queue for its cores.
		runFullyLoaded(group, Duration.ofMillis(8), 4);
		assertThat(group.limit()).isGreaterThanOrEqualTo(fast);
	}

	@Test
	void latencyAboveTheToleranceReachesTheAlgorithmUnchanged() {
		List<Long> seen = new ArrayList<>();
		Limit recording = new Limit() {

			@Override
			public int getLimit() {
				return 10;
			}

			@Override
			public void notifyOnChange(Consumer<Integer> consumer) {
			}

			@Override
			public void onSample(long startTime, long rtt, int inflight, boolean didDrop) {
				seen.add(rtt);
			}

		};
		Limit tolerant = new PathGroupLimiters.ToleratedLatency(recording, Duration.ofMillis(50).toNanos());
		tolerant.onSample(0, Duration.ofMillis(3).toNanos(), 5, false);
		tolerant.onSample(0, Duration.ofMillis(400).toNanos(), 5, false);
		assertThat(seen).containsExactly(Duration.ofMillis(50).toNanos(), Duration.ofMillis(400).toNanos());
		assertThat(tolerant.getLimit()).isEqualTo(10);
	}

	@Test
	void probesHealthAndActuatorAreInNoGroup() {
		PathGroupLimiters limiters = new PathGroupLimiters(new LoadSheddingProperties());
		assertThat(limiters.groupOf("/health/live")).isEmpty();
		assertThat(limiters.groupOf("/health/ready")).isEmpty();
		assertThat(limiters.groupOf("/actuator/prometheus")).isEmpty();
		assertThat(limiters.groupOf("/orders/1")).map(GroupLimiter::name).hasValue(PathGroupLimiters.DEFAULT_GROUP);
	}

	@Test
	void theFirstMatchingGroupWinsAndUnsetSettingsAreTheTopLevelOnes() {
		LoadSheddingProperties properties = new LoadSheddingProperties();
		properties.setAlgorithm(Algorithm.FIXED);
		properties.setInitialLimit(7);
		LoadSheddingProperties.Group reports = new LoadSheddingProperties.Group();
		reports.setPaths(List.of("/reports/**"));
		reports.setInitialLimit(2);
		LoadSheddingProperties.Group exports = new LoadSheddingProperties.Group();
		exports.setPaths(List.of("/exports/**", "/reports/export"));
		properties.getGroups().put("reports", reports);
		properties.getGroups().put("exports", exports);
		PathGroupLimiters limiters = new PathGroupLimiters(properties);
		assertThat(limiters.groupOf("/reports/export").orElseThrow().name()).isEqualTo("reports");
		assertThat(limiters.groupOf("/reports/export").orElseThrow().limit()).isEqualTo(2);
		assertThat(limiters.groupOf("/exports/x").orElseThrow().limit()).isEqualTo(7);
		assertThat(limiters.all()).containsOnlyKeys("reports", "exports", PathGroupLimiters.DEFAULT_GROUP);
	}

	/** Rounds in which as many requests as the limit admits run together and take {@code rtt}. */
	private void runFullyLoaded(GroupLimiter group, Duration rtt, int rounds) {
		for (int round = 0; round < rounds; round++) {
			List<Limiter.Listener> inFlight = new ArrayList<>();
			Optional<Limiter.Listener> admitted;
			while ((admitted = group.acquire()).isPresent()) {
				inFlight.add(admitted.get());
			}
			this.nanoTime.addAndGet(rtt.toNanos());
			inFlight.forEach(Limiter.Listener::onSuccess);
		}
	}

}
