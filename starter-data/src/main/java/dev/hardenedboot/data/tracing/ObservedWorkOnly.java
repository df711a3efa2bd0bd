package dev.hardenedboot.data.tracing;

import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The registry a statement's observation is made with: the application's when the statement
 * runs inside an observation, {@link ObservationRegistry#NOOP} otherwise, so a JDBC span is
 * only ever a child.
 *
 * <p>Statements outside observed work are health checks on the probe executor, Hikari's own
 * threads, start-up seeding and migrations, and the statements of probe requests, which are
 * untraced by design. Each would be a trace of its own with one span and no cause: noise that
 * spends the export budget and buries the traces that matter. Scheduled tasks, message
 * listeners and requests are observed by Boot, so their statements are still traced.
 *
 * <p>The registry is looked up lazily: the observation registry depends on the meter
 * registry, whose pool metrics depend on the data source this listener is installed in.
 */
final class ObservedWorkOnly implements Supplier<ObservationRegistry> {

	private final ObjectProvider<ObservationRegistry> registryProvider;

	private volatile ObservationRegistry registry;

	ObservedWorkOnly(ObjectProvider<ObservationRegistry> registryProvider) {
		this.registryProvider = registryProvider;
	}

	@Override
	public ObservationRegistry get() {
		ObservationRegistry registry = this.registry;
		if (registry == null) {
			registry = this.registryProvider.getIfAvailable();
			if (registry == null) {
				return ObservationRegistry.NOOP;
			}
			this.registry = registry;
		}
		return (registry.getCurrentObservation() != null) ? registry : ObservationRegistry.NOOP;
	}

}
