package dev.hardenedboot.resilience.shedding;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Per path group: the current limit ({@code hardened.shedding.limit}), requests in flight
 * ({@code hardened.shedding.inflight}) and requests shed ({@code hardened.shedding.rejected}).
 * Without a meter registry nothing is recorded.
 */
class LoadSheddingMetrics implements MeterBinder {

	static final String LIMIT = "hardened.shedding.limit";

	static final String INFLIGHT = "hardened.shedding.inflight";

	static final String REJECTED = "hardened.shedding.rejected";

	private final PathGroupLimiters limiters;

	/** Counters by group, registered once; never built per request. */
	private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

	LoadSheddingMetrics(PathGroupLimiters limiters) {
		this.limiters = limiters;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.limiters.all().forEach((name, group) -> {
			Gauge.builder(LIMIT, group, PathGroupLimiters.GroupLimiter::limit)
				.tag("group", name)
				.description("Concurrency limit of the path group")
				.register(registry);
			Gauge.builder(INFLIGHT, group, PathGroupLimiters.GroupLimiter::inflight)
				.tag("group", name)
				.description("Requests of the path group in flight")
				.register(registry);
			this.rejected.put(name, Counter.builder(REJECTED)
				.tag("group", name)
				.description("Requests shed with 503 OVERLOADED")
				.register(registry));
		});
	}

	void rejected(String group) {
		Counter counter = this.rejected.get(group);
		if (counter != null) {
			counter.increment();
		}
	}

}
