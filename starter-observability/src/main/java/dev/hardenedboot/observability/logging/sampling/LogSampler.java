package dev.hardenedboot.observability.logging.sampling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dev.hardenedboot.observability.logging.LogEventCounts;
import dev.hardenedboot.observability.logging.LoggingProperties;
import org.slf4j.Marker;

import org.springframework.lang.Nullable;

/**
 * Samples floods of INFO, DEBUG and TRACE lines: each logger has a token bucket per level,
 * sized and refilled from {@code hardened.logging.sampling.*}, and a line finding its bucket
 * empty is dropped before Logback builds an event for it, and counted in
 * {@link LogEventCounts#dropped}. WARN and ERROR, lines their logger's level disables anyway, and
 * {@code isInfoEnabled()}-style checks pass untouched and take no token.
 *
 * <p>{@link #update} swaps the rates while the application runs (the configuration reload
 * calls it): buckets start again, full, under the new rates.
 */
public class LogSampler extends TurboFilter {

	private final LoggerContext context;

	private final LogEventCounts dropped;

	private volatile Buckets buckets;

	private final ReattachOnReset reattach = new ReattachOnReset();

	public LogSampler(LoggerContext context, LoggingProperties.Sampling sampling) {
		this.context = context;
		this.dropped = LogEventCounts.dropped(context);
		this.buckets = new Buckets(new SamplingRates(sampling));
		setName("hardenedLogSampler");
	}

	/**
	 * Applies new rates; lines already written are not affected.
	 * @param sampling the new settings
	 */
	public void update(LoggingProperties.Sampling sampling) {
		this.buckets = new Buckets(new SamplingRates(sampling));
	}

	/** Puts the sampler in front of every logger of its Logback context. */
	public void attach() {
		if (!this.context.getTurboFilterList().contains(this)) {
			start();
			this.context.addTurboFilter(this);
		}
		if (!this.context.getCopyOfListenerList().contains(this.reattach)) {
			this.context.addListener(this.reattach);
		}
	}

	/** Takes the sampler out again. */
	public void detach() {
		this.context.removeListener(this.reattach);
		this.context.getTurboFilterList().remove(this);
		stop();
	}

	@Override
	public FilterReply decide(@Nullable Marker marker, Logger logger, Level level, @Nullable String format,
			@Nullable Object[] params, @Nullable Throwable t) {
		if (format == null || level.levelInt >= Level.WARN_INT
				|| level.levelInt < logger.getEffectiveLevel().levelInt) {
			return FilterReply.NEUTRAL;
		}
		LoggerBuckets forLogger = this.buckets.of(logger.getName());
		int index = LoggerBuckets.index(level);
		TokenBucket bucket = forLogger.buckets[index];
		if (bucket == null || bucket.tryTake(System.nanoTime())) {
			return FilterReply.NEUTRAL;
		}
		forLogger.dropped(index, this.dropped, logger.getName(), level).increment();
		return FilterReply.DENY;
	}

	/** The buckets of every logger seen so far under one set of rates. */
	private static final class Buckets {

		private final SamplingRates rates;

		private final Map<String, LoggerBuckets> byLogger = new ConcurrentHashMap<>();

		Buckets(SamplingRates rates) {
			this.rates = rates;
		}

		LoggerBuckets of(String logger) {
			LoggerBuckets buckets = this.byLogger.get(logger);
			return (buckets != null) ? buckets
					: this.byLogger.computeIfAbsent(logger, (name) -> new LoggerBuckets(this.rates, name));
		}

	}

	/** One logger's buckets for INFO, DEBUG and TRACE; {@code null} where there is no limit. */
	private static final class LoggerBuckets {

		private static final Level[] LEVELS = { Level.INFO, Level.DEBUG, Level.TRACE };

		private final TokenBucket[] buckets = new TokenBucket[LEVELS.length];

		private final LongAdder[] dropped = new LongAdder[LEVELS.length];

		LoggerBuckets(SamplingRates rates, String logger) {
			long now = System.nanoTime();
			for (int i = 0; i < LEVELS.length; i++) {
				int perSecond = rates.perSecond(logger, LEVELS[i]);
				this.buckets[i] = (perSecond == SamplingRates.UNLIMITED) ? null
						: (perSecond == 0) ? TokenBucket.EMPTY : new TokenBucket(perSecond, now);
			}
		}

		static int index(Level level) {
			return switch (level.levelInt) {
				case Level.INFO_INT -> 0;
				case Level.DEBUG_INT -> 1;
				default -> 2;
			};
		}

		LongAdder dropped(int index, LogEventCounts events, String logger, Level level) {
			LongAdder counter = this.dropped[index];
			if (counter == null) {
				counter = events.counter(logger, level);
				this.dropped[index] = counter;
			}
			return counter;
		}

	}

	/**
	 * A Logback reset (a reconfiguration: another application starting in the same JVM, a
	 * configuration file rescanned) stops and removes every turbo filter; the sampler puts
	 * itself back, since its rates still come from the application that attached it.
	 */
	private final class ReattachOnReset implements LoggerContextListener {

		@Override
		public boolean isResetResistant() {
			return true;
		}

		@Override
		public void onReset(LoggerContext context) {
			LogSampler.this.start();
			context.addTurboFilter(LogSampler.this);
		}

		@Override
		public void onStart(LoggerContext context) {
		}

		@Override
		public void onStop(LoggerContext context) {
		}

		@Override
		public void onLevelChange(Logger logger, Level level) {
		}

	}

}
