package dev.hardenedboot.observability.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.classic.Level;
import ch.qos.logback.core.Context;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.lang.Nullable;

/**
 * Counts of log lines that never reached the output, by logger and level, whether sampling
 * or a full asynchronous queue dropped them: exported as
 * {@code hardened_log_events_dropped_total{logger,level}}. One instance per Logback context,
 * kept in the context, because the asynchronous appender is created by Logback and the
 * sampler by Spring.
 */
public final class DroppedLogEvents {

	/** Name of the meter. */
	public static final String METER_NAME = "hardened.log.events.dropped";

	private static final String CONTEXT_KEY = DroppedLogEvents.class.getName();

	private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

	@Nullable
	private volatile MeterRegistry registry;

	DroppedLogEvents() {
	}

	/**
	 * The counts of a Logback context, created on first use.
	 * @param context the Logback context
	 * @return its counts
	 */
	public static DroppedLogEvents of(Context context) {
		synchronized (context) {
			if (context.getObject(CONTEXT_KEY) instanceof DroppedLogEvents existing) {
				return existing;
			}
			DroppedLogEvents created = new DroppedLogEvents();
			context.putObject(CONTEXT_KEY, created);
			return created;
		}
	}

	/**
	 * The counter of one logger and level; callers on a hot path keep it.
	 * @param logger the logger's name
	 * @param level the level of the dropped lines
	 * @return the counter to increment for each dropped line
	 */
	public LongAdder counter(String logger, Level level) {
		Key key = new Key(logger, level.levelStr);
		LongAdder count = this.counts.get(key);
		if (count != null) {
			return count;
		}
		LongAdder created = new LongAdder();
		count = this.counts.putIfAbsent(key, created);
		if (count != null) {
			return count;
		}
		// Outside the map's lock: a registry may log, and that line may come back here.
		MeterRegistry registry = this.registry;
		if (registry != null) {
			register(registry, key, created);
		}
		return created;
	}

	/**
	 * Total of the lines dropped for one logger and level.
	 * @param logger the logger's name
	 * @param level the level
	 * @return the count so far
	 */
	public long count(String logger, Level level) {
		LongAdder count = this.counts.get(new Key(logger, level.levelStr));
		return (count != null) ? count.sum() : 0;
	}

	void bindTo(MeterRegistry registry) {
		this.registry = registry;
		this.counts.forEach((key, count) -> register(registry, key, count));
	}

	private static void register(MeterRegistry registry, Key key, LongAdder count) {
		FunctionCounter.builder(METER_NAME, count, LongAdder::sum)
			.description("Log lines dropped by sampling or by a full asynchronous queue")
			.tag("logger", key.logger())
			.tag("level", key.level())
			.register(registry);
	}

	private record Key(String logger, String level) {
	}

}
