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
 * Counts of log lines by logger and level that were not written as logged: lines
 * {@linkplain #dropped dropped} by sampling or a full asynchronous queue
 * ({@code hardened_log_events_dropped_total{logger,level}}), and repeats
 * {@linkplain #collapsed collapsed} into a summary line
 * ({@code hardened_log_events_collapsed_total{logger,level}}). The two are kept apart: a
 * collapsed line is summarized, a dropped one is gone. One instance of each per Logback
 * context, kept in the context, because the asynchronous appender is created by Logback and
 * the filters by Spring.
 */
public final class LogEventCounts {

	/** Name of the meter of dropped lines. */
	public static final String DROPPED_METER = "hardened.log.events.dropped";

	/** Name of the meter of collapsed repeats. */
	public static final String COLLAPSED_METER = "hardened.log.events.collapsed";

	private final String meterName;

	private final String description;

	private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

	@Nullable
	private volatile MeterRegistry registry;

	LogEventCounts(String meterName, String description) {
		this.meterName = meterName;
		this.description = description;
	}

	/**
	 * The counts of dropped lines of a Logback context, created on first use.
	 * @param context the Logback context
	 * @return its counts
	 */
	public static LogEventCounts dropped(Context context) {
		return of(context, DROPPED_METER, "Log lines dropped by sampling or by a full asynchronous queue");
	}

	/**
	 * The counts of collapsed repeats of a Logback context, created on first use.
	 * @param context the Logback context
	 * @return its counts
	 */
	public static LogEventCounts collapsed(Context context) {
		return of(context, COLLAPSED_METER,
				"Repeated identical log lines not written, each summarized by a 'repeated N times' line");
	}

	private static LogEventCounts of(Context context, String meterName, String description) {
		String key = LogEventCounts.class.getName() + "." + meterName;
		synchronized (context) {
			if (context.getObject(key) instanceof LogEventCounts existing) {
				return existing;
			}
			LogEventCounts created = new LogEventCounts(meterName, description);
			context.putObject(key, created);
			return created;
		}
	}

	/**
	 * The counter of one logger and level; callers on a hot path keep it.
	 * @param logger the logger's name
	 * @param level the level of the lines
	 * @return the counter to increment for each line
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
	 * Total of the lines counted for one logger and level.
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

	private void register(MeterRegistry registry, Key key, LongAdder count) {
		FunctionCounter.builder(this.meterName, count, LongAdder::sum)
			.description(this.description)
			.tag("logger", key.logger())
			.tag("level", key.level())
			.register(registry);
	}

	private record Key(String logger, String level) {
	}

}
