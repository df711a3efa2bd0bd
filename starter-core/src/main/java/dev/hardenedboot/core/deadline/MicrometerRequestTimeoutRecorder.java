package dev.hardenedboot.core.deadline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code hardened.request.timeouts} ({@code hardened_request_timeouts_total} in Prometheus),
 * tagged with the route template, never the raw path, and the cause.
 */
class MicrometerRequestTimeoutRecorder implements RequestTimeoutRecorder {

	static final String METRIC = "hardened.request.timeouts";

	private final MeterRegistry registry;

	MicrometerRequestTimeoutRecorder(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void record(String route, String cause) {
		Counter.builder(METRIC)
			.description("Requests answered with 504 because their deadline passed")
			.tag("uri", route)
			.tag("cause", cause)
			.register(this.registry)
			.increment();
	}

}
