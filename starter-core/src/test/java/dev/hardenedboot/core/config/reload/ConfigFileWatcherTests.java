package dev.hardenedboot.core.config.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watcher on real files: edits, Kubernetes' symbolic-link swap, and a burst of changes.
 * The poll interval is an hour, so what is seen here was seen through file-system events.
 */
class ConfigFileWatcherTests extends ReloadingApplicationTests {

	@Test
	void editedFileIsAppliedWithinTwoSeconds() throws Exception {
		Files.writeString(this.mount.resolve("app.yaml"), "orders:\n  greeting: before\n");
		start();
		List<Long> millis = new ArrayList<>();
		for (int round = 0; round < 5; round++) {
			String greeting = "after-" + round;
			long started = System.nanoTime();
			Files.writeString(this.mount.resolve("app.yaml"), "orders:\n  greeting: " + greeting + "\n");
			await().atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(5))
				.until(() -> settings().getGreeting().equals(greeting));
			millis.add((System.nanoTime() - started) / 1_000_000);
		}
		// The figure docs/configuration.md quotes: quiet period (200 ms) plus the reload itself.
		System.out.println("Change to applied, ms: " + millis);
		assertThat(millis).allMatch((ms) -> ms < 2000);
	}

	@Test
	void kubernetesSymlinkSwapIsApplied() throws Exception {
		Path first = Files.createDirectories(this.mount.resolve("..2026_11_27_10_00_00.000000001"));
		Files.writeString(first.resolve("app.yaml"), "orders:\n  greeting: v1\n");
		Files.createSymbolicLink(this.mount.resolve("..data"), first.getFileName());
		Files.createSymbolicLink(this.mount.resolve("app.yaml"), Path.of("..data/app.yaml"));
		start();
		assertThat(settings().getGreeting()).isEqualTo("v1");
		// What the kubelet does: a new timestamped directory, a new link, renamed over ..data.
		Path second = Files.createDirectories(this.mount.resolve("..2026_11_27_10_05_00.000000002"));
		Files.writeString(second.resolve("app.yaml"), "orders:\n  greeting: v2\n");
		Files.createSymbolicLink(this.mount.resolve("..data_tmp"), second.getFileName());
		Files.move(this.mount.resolve("..data_tmp"), this.mount.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
		await().atMost(Duration.ofSeconds(5)).until(() -> settings().getGreeting().equals("v2"));
	}

	@Test
	void burstOfChangesEndsInTheLastValidOne() throws Exception {
		Files.writeString(this.mount.resolve("app.yaml"), "orders:\n  batch-size: 1\n");
		start();
		for (int change = 1; change <= 100; change++) {
			// Every third change is invalid (over @Max(100)); the last one is valid.
			int batchSize = (change % 3 == 0) ? 1000 + change : change;
			Files.writeString(this.mount.resolve("app.yaml"), "orders:\n  batch-size: " + batchSize + "\n");
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> settings().getBatchSize() == 100);
		Thread.sleep(500);
		assertThat(settings().getBatchSize()).isEqualTo(100);
		MeterRegistry registry = this.context.getBean(MeterRegistry.class);
		double applied = registry.get(MicrometerConfigReloadRecorder.METRIC).tag("result", "applied").counter().count();
		assertThat(applied).as("the burst is coalesced into few reloads").isBetween(1.0, 100.0);
	}

	@Test
	void watcherStopsWithTheContext() throws Exception {
		Set<Thread> before = watcherThreads();
		start();
		Set<Thread> ours = watcherThreads();
		ours.removeAll(before);
		assertThat(ours).hasSize(1);
		this.context.close();
		this.context = null;
		await().atMost(Duration.ofSeconds(5)).until(() -> ours.stream().noneMatch(Thread::isAlive));
	}

	private static Set<Thread> watcherThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("hardened-config-watcher"))
			.collect(Collectors.toCollection(HashSet::new));
	}

	private void start() {
		start(List.of("--hardened.config.reload.poll-interval=1h"));
	}

}
