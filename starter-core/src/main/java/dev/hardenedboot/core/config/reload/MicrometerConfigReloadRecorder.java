package dev.hardenedboot.core.config.reload;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code hardened.config.reloads} ({@code hardened_config_reloads_total} in Prometheus),
 * tagged {@code result="applied"} or {@code result="rejected"}: a rejected reload means the
 * mounted configuration and the running one differ, which an alert should catch.
 */
class MicrometerConfigReloadRecorder implements ConfigReloadRecorder {

	static final String METRIC = "hardened.config.reloads";

	private final Counter applied;

	private final Counter rejected;

	MicrometerConfigReloadRecorder(MeterRegistry registry) {
		this.applied = counter(registry, ConfigReloadResult.Outcome.APPLIED);
		this.rejected = counter(registry, ConfigReloadResult.Outcome.REJECTED);
	}

	private static Counter counter(MeterRegistry registry, ConfigReloadResult.Outcome outcome) {
		return Counter.builder(METRIC)
			.description("Changes to the configuration files, applied or rejected whole")
			.tag("result", outcome.name().toLowerCase(Locale.ROOT))
			.register(registry);
	}

	@Override
	public void record(ConfigReloadResult.Outcome outcome) {
		switch (outcome) {
			case APPLIED -> this.applied.increment();
			case REJECTED -> this.rejected.increment();
			case UNCHANGED -> {
			}
		}
	}

}
