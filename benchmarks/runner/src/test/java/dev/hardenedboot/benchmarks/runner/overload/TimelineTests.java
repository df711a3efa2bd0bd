package dev.hardenedboot.benchmarks.runner.overload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.hardenedboot.benchmarks.runner.Plan.OverloadPlan;
import dev.hardenedboot.benchmarks.runner.Variant;
import dev.hardenedboot.benchmarks.runner.overload.Sampler.LiveSample;
import dev.hardenedboot.benchmarks.runner.overload.Sampler.PoolSample;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class TimelineTests {

	/** 10 s healthy, 10 s slow, 20 s healed, 5 s windows, 200 threads for a 2 s dependency. */
	private final OverloadPlan plan = new OverloadPlan(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10),
			Duration.ofSeconds(10), Duration.ofSeconds(20), 600, Duration.ofSeconds(1), Duration.ofSeconds(5),
			Duration.ofMillis(10), Duration.ofSeconds(2), 200, Duration.ofSeconds(5));

	private final List<Exchange> exchanges = new ArrayList<>();

	private final List<PoolSample> pools = new ArrayList<>();

	private final List<LiveSample> live = new ArrayList<>();

	TimelineTests() {
		for (int s = 0; s < 40; s++) {
			if (s < 10) {
				answers(s, 10, 200, false, 100);
			}
			else if (s < 20) {
				answers(s, 2, 200, true, 1);
				answers(s, 3, 503, false, 5);
				answers(s, 1, Exchange.TIMEOUT, false, 5000);
			}
			else if (s < 27) {
				answers(s, 10, 200, true, 1);
			}
			else {
				answers(s, 10, 200, false, 20);
			}
			this.pools.add(new PoolSample(s + 0.1, s, 0));
			this.live.add(new LiveSample(s + 0.2, (s == 15) ? Exchange.TIMEOUT : 200, 1000));
		}
	}

	/** {@code count} exchanges of the given kind whose answer comes 0.5 s into {@code second}. */
	private void answers(int second, int count, int status, boolean stale, long latencyMillis) {
		for (int i = 0; i < count; i++) {
			long end = second * 1000L + 500;
			this.exchanges.add(new Exchange(end - latencyMillis, latencyMillis * 1000, status, stale,
					(status == 503) ? "OVERLOADED" : null));
		}
	}

	private OverloadRun analyse() {
		return new Timeline(this.plan).analyse(Variant.HARDENED, this.exchanges, this.pools, this.live, 50.0);
	}

	@Test
	void windowsCountAnswersPerSecondByWhenTheyCame() {
		List<OverloadWindow> windows = analyse().windows();
		assertThat(windows).hasSize(8);
		assertThat(windows.get(0).phase()).isEqualTo("healthy");
		assertThat(windows.get(0).goodput()).isEqualTo(10.0);
		assertThat(windows.get(0).admittedP99Millis()).isEqualTo(100.0);
		OverloadWindow slow = windows.get(2);
		assertThat(slow.phase()).isEqualTo("slow");
		assertThat(slow.goodput()).isEqualTo(2.0);
		assertThat(slow.freshGoodput()).isZero();
		assertThat(slow.fastFailures()).isEqualTo(3.0);
		assertThat(slow.fastFailureP50Millis()).isEqualTo(5.0);
		assertThat(slow.timeouts()).isEqualTo(1.0);
		assertThat(windows.get(4).phase()).isEqualTo("healed");
	}

	@Test
	void aClientTimeoutIsAnAdmittedRequestAtTheTimeItsClientWaited() {
		OverloadSummary summary = analyse().summary();
		// 20 stale answers in 1 ms and 10 timeouts at 5 s: the p99 is a timeout.
		assertThat(summary.slowdownAdmittedP99Millis()).isEqualTo(5000.0);
		assertThat(summary.slowdownGoodput()).isEqualTo(2.0);
		assertThat(summary.slowdownFreshGoodput()).isZero();
		assertThat(summary.slowdownFastFailures()).isEqualTo(30);
		assertThat(summary.slowdownTimeouts()).isEqualTo(10);
		assertThat(summary.errorAnswers()).containsExactly(entry("503 OVERLOADED", 30L));
		assertThat(summary.allowedGoodput()).isEqualTo(100.0);
	}

	@Test
	void recoveryEndsWhenFiveSecondsOfFreshGoodputAreBackToNinetyPercent() {
		OverloadSummary summary = analyse().summary();
		assertThat(summary.healthyGoodput()).isEqualTo(10.0);
		// Stale copies until second 26, fresh from second 27: healed at 20, recovered at 27.
		assertThat(summary.recoverySeconds()).isEqualTo(7.0);
	}

	@Test
	void noRecoveryWithinTheRunIsReportedAsNone() {
		this.exchanges.removeIf((e) -> e.endSeconds() >= 27);
		assertThat(analyse().summary().recoverySeconds()).isNull();
	}

	@Test
	void samplesAreTakenPerWindow() {
		OverloadRun run = analyse();
		OverloadWindow window = run.windows().get(3);
		assertThat(window.maxBusyThreads()).isEqualTo(19);
		assertThat(window.maxPending()).isZero();
		assertThat(window.liveUp()).isEqualTo(4);
		assertThat(window.liveProbes()).isEqualTo(5);
		assertThat(run.summary().liveNotUp()).isEqualTo(1);
		assertThat(run.summary().maxBusyThreads()).isEqualTo(39);
		assertThat(run.seconds().get(15).liveUp()).isFalse();
		assertThat(run.seconds().get(16).liveUp()).isTrue();
	}

	@Test
	void aVariantWithoutALivenessProbeReportsNone() {
		OverloadRun run = new Timeline(this.plan).analyse(Variant.PLAIN, this.exchanges, this.pools, List.of(), 50.0);
		assertThat(run.summary().liveProbes()).isNull();
		assertThat(run.windows().get(0).liveProbes()).isNull();
	}

	@Test
	void percentilesAreNearestRank() {
		List<Exchange> hundred = new ArrayList<>();
		for (int ms = 1; ms <= 100; ms++) {
			hundred.add(new Exchange(0, ms * 1000L, 200, false, null));
		}
		assertThat(Timeline.percentileMillis(hundred, Exchange::ok, 99)).isEqualTo(99.0);
		assertThat(Timeline.percentileMillis(hundred, Exchange::ok, 50)).isEqualTo(50.0);
		assertThat(Timeline.percentileMillis(hundred, Exchange::fastFailure, 50)).isNull();
	}

}
