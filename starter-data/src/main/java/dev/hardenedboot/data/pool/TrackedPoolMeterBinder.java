package dev.hardenedboot.data.pool;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Gives the pools whose borrows are tracked the metrics Spring Boot would have bound. Boot's
 * own Hikari binder leaves a pool alone once it has a metrics tracker factory, and the
 * {@link BorrowTracker} is one, so this binder hands each tracker the same
 * {@link MicrometerMetricsTrackerFactory} Boot would have set: the {@code hikaricp.*} meters
 * stay as they are. Each pool also gets {@code hardened.data.pool.leaks}, the connections
 * reported as leaked, tagged like Hikari's meters with the pool's name.
 */
class TrackedPoolMeterBinder implements MeterBinder {

	private final ConnectionLeakDetector detector;

	TrackedPoolMeterBinder(ConnectionLeakDetector detector) {
		this.detector = detector;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		MetricsTrackerFactory hikari = new MicrometerMetricsTrackerFactory(registry);
		for (BorrowTracker tracker : this.detector.trackers()) {
			// Registered when the pool starts, as Hikari's meters are: only then is its name known.
			tracker.forwardTo((poolName, poolStats) -> {
				FunctionCounter.builder("hardened.data.pool.leaks", tracker, BorrowTracker::leaks)
					.description("Connections held past the pool's leak-detection threshold")
					.tag("pool", poolName)
					.register(registry);
				return hikari.create(poolName, poolStats);
			});
		}
	}

}
