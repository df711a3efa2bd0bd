package dev.hardenedboot.observability.health;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;

class GcOverheadHealthIndicatorTests {

	private final AtomicLong uptime = new AtomicLong(600_000);

	private final GcOverheadHealthIndicator indicator = new GcOverheadHealthIndicator(Duration.ofMinutes(1), 50,
			this.uptime::get);

	@Test
	void upWhenPausesStayUnderTheShare() {
		for (int second = 1; second <= 60; second++) {
			this.indicator.record("G1 Young Generation", "G1 Evacuation Pause", 540_000 + second * 1000L, 400);
		}
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("overhead", "40%")
			.containsEntry("maxOverhead", "50%")
			.containsEntry("window", "PT1M");
	}

	@Test
	void downWhenPausesPassTheShare() {
		for (int second = 1; second <= 60; second++) {
			this.indicator.record("G1 Old Generation", "Allocation Failure", 540_000 + second * 1000L, 600);
		}
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.indicator.health().getDetails()).containsEntry("overhead", "60%");
	}

	@Test
	void concurrentCyclesNeverCount() {
		for (int second = 1; second <= 60; second++) {
			this.indicator.record("ZGC Cycles", "Allocation Rate", 540_000 + second * 1000L, 990);
			this.indicator.record("Shenandoah Cycles", "Concurrent GC", 540_000 + second * 1000L, 990);
			this.indicator.record("G1 Concurrent GC", "No GC", 540_000 + second * 1000L, 990);
			this.indicator.record("ZGC Pauses", "Allocation Rate", 540_000 + second * 1000L, 50);
		}
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("overhead", "5%");
		assertThat(health.getDetails().get("ignored")).asList()
			.containsExactly("ZGC Cycles", "Shenandoah Cycles", "G1 Concurrent GC");
		assertThat(health.getDetails().get("pausesFrom")).asList().containsExactly("ZGC Pauses");
	}

	@Test
	void pausesLeaveTheWindowAsTimeMovesOn() {
		this.indicator.record("PS MarkSweep", "Ergonomics", 600_000, 40_000);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
		this.uptime.set(650_000);
		// Three quarters of the pause are older than the window now.
		assertThat(this.indicator.health().getDetails()).containsEntry("overhead", "17%");
		this.uptime.set(700_000);
		assertThat(this.indicator.health().getDetails()).containsEntry("overhead", "0%");
	}

	@Test
	void startUpPausesAreMeasuredAgainstTheWholeWindow() {
		GcOverheadHealthIndicator young = new GcOverheadHealthIndicator(Duration.ofMinutes(1), 50, () -> 5_000);
		young.record("G1 Young Generation", "G1 Evacuation Pause", 4_000, 3_000);
		assertThat(young.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void classifiesTheJdksCollectors() {
		assertThat(GcOverheadHealthIndicator.isPause("G1 Young Generation", "G1 Evacuation Pause")).isTrue();
		assertThat(GcOverheadHealthIndicator.isPause("G1 Old Generation", "System.gc()")).isTrue();
		assertThat(GcOverheadHealthIndicator.isPause("ZGC Pauses", "Warmup")).isTrue();
		assertThat(GcOverheadHealthIndicator.isPause("Shenandoah Pauses", "Concurrent GC")).isTrue();
		assertThat(GcOverheadHealthIndicator.isPause("ZGC Major Cycles", "Allocation Rate")).isFalse();
		assertThat(GcOverheadHealthIndicator.isPause("ConcurrentMarkSweep", "CMS Initial Mark")).isFalse();
	}

}
