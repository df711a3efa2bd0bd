package dev.hardenedboot.observability.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.actuate.health.Health;

/**
 * Run in a child JVM with the collector under test: keeps a live set of the size asked for,
 * allocates for a while, and prints what {@link GcOverheadHealthIndicator} measured.
 */
public final class GcOverheadProbe {

	private GcOverheadProbe() {
	}

	public static void main(String[] args) throws Exception {
		int liveMegabytes = Integer.parseInt(args[0]);
		long millis = Long.parseLong(args[1]);
		GcOverheadHealthIndicator indicator = new GcOverheadHealthIndicator(Duration.ofMillis(millis), 50);
		List<byte[]> live = new ArrayList<>();
		for (int i = 0; i < liveMegabytes * 4; i++) {
			live.add(new byte[256 * 1024]);
		}
		long end = System.nanoTime() + millis * 1_000_000L;
		long sink = 0;
		int next = 0;
		while (System.nanoTime() < end) {
			// Replace live data, so old objects die and collections have work to do.
			byte[] chunk = new byte[64 * 1024];
			sink += chunk.length;
			if ((sink & 0xF_FFFF) == 0) {
				live.set(next++ % live.size(), new byte[256 * 1024]);
			}
		}
		Thread.sleep(200);
		Health health = indicator.health();
		System.out.println("status=" + health.getStatus().getCode());
		System.out.println("overhead=" + health.getDetails().get("overhead"));
		System.out.println("pausesFrom=" + health.getDetails().get("pausesFrom"));
		System.out.println("ignored=" + health.getDetails().get("ignored"));
		System.out.println("sink=" + sink + live.size());
		indicator.destroy();
	}

}
