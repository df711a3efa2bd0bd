package dev.hardenedboot.observability.logging.collapse;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dev.hardenedboot.observability.logging.LogEventCounts;
import dev.hardenedboot.observability.logging.LoggingProperties;
import net.logstash.logback.argument.StructuredArguments;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;

import org.springframework.lang.Nullable;

/**
 * Writes an identical WARN line once per window: repeats within
 * {@code hardened.logging.collapse.window} of the first are not written, counted in
 * {@link LogEventCounts#collapsed} (apart from dropped lines), and summarized by one WARN
 * line of the same logger when the window ends ("Repeated 37 more times in the 10s after
 * it was first written: ...", with the count in the field {@code repeated}). So a storm of
 * one warning reads as one line and a count, and nothing goes unaccounted for.
 *
 * <p>Identical means the same logger, the same formatted message and the same exception
 * type (or none): two warnings that differ in an argument are two lines. ERROR lines, lines
 * whose message is longer than {@value #MAX_MESSAGE_LENGTH} characters, and lines beyond
 * {@code max-distinct-lines} tracked windows are always written. A window's summary is
 * written at its next occurrence after it ended, by a sweeper thread otherwise, and for
 * every pending window when the filter is detached (on shutdown or when a reload turns it
 * off). Summary lines carry no MDC: they stand for lines of many requests.
 *
 * <p>Off by default ({@link #attach} does nothing then): the repeats' own trace and request
 * ids are not written. {@link #update} applies reloaded settings, attaching or detaching the
 * filter, so a disabled collapser costs logging nothing.
 */
public class LogCollapser extends TurboFilter {

	/** Marks summary lines, which are never collapsed themselves. */
	public static final Marker SUMMARY = MarkerFactory.getMarker("HARDENED_COLLAPSE_SUMMARY");

	/** Longer messages are written each time, so a tracked window holds a bounded message. */
	static final int MAX_MESSAGE_LENGTH = 2048;

	private static final long SWEEP_MIN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private static final long SWEEP_MAX_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final LoggerContext context;

	private final LogEventCounts collapsed;

	private final LongSupplier nanoTime;

	private final Map<Key, Window> windows = new ConcurrentHashMap<>();

	private volatile Settings settings;

	@Nullable
	private ScheduledExecutorService sweeper;

	public LogCollapser(LoggerContext context, LoggingProperties.Collapse collapse) {
		this(context, collapse, System::nanoTime);
	}

	LogCollapser(LoggerContext context, LoggingProperties.Collapse collapse, LongSupplier nanoTime) {
		this.context = context;
		this.collapsed = LogEventCounts.collapsed(context);
		this.nanoTime = nanoTime;
		this.settings = new Settings(collapse);
		setName("hardenedLogCollapser");
		setContext(context);
	}

	/**
	 * Applies new settings: attaches the filter when they enable it, detaches it (writing the
	 * pending summaries) when they don't.
	 * @param collapse the new settings
	 */
	public synchronized void update(LoggingProperties.Collapse collapse) {
		Settings previous = this.settings;
		this.settings = new Settings(collapse);
		if (!this.settings.enabled()) {
			detach();
		}
		else if (isAttached() && previous.windowNanos() != this.settings.windowNanos()) {
			startSweeper();
		}
		else {
			attach();
		}
	}

	/** Puts the collapser in front of every logger of its Logback context, if enabled. */
	public synchronized void attach() {
		if (this.settings.enabled() && !isAttached()) {
			start();
			this.context.addTurboFilter(this);
			startSweeper();
		}
	}

	/** Takes the collapser out and writes the summaries still pending. */
	public synchronized void detach() {
		this.context.getTurboFilterList().remove(this);
		if (this.sweeper != null) {
			this.sweeper.shutdownNow();
			this.sweeper = null;
		}
		stop();
		this.windows.forEach((key, window) -> {
			if (this.windows.remove(key, window)) {
				summarize(key, window);
			}
		});
	}

	@Override
	public FilterReply decide(@Nullable Marker marker, Logger logger, Level level, @Nullable String format,
			@Nullable Object[] params, @Nullable Throwable t) {
		if (level.levelInt != Level.WARN_INT || format == null || (marker != null && marker.contains(SUMMARY))
				|| Level.WARN_INT < logger.getEffectiveLevel().levelInt) {
			return FilterReply.NEUTRAL;
		}
		Settings settings = this.settings;
		if (!settings.enabled()) {
			return FilterReply.NEUTRAL;
		}
		String message = MessageFormatter.basicArrayFormat(format, params);
		if (message == null || message.length() > MAX_MESSAGE_LENGTH) {
			return FilterReply.NEUTRAL;
		}
		Throwable cause = (t != null) ? t : MessageFormatter.getThrowableCandidate(params);
		Key key = new Key(logger.getName(), message, (cause != null) ? cause.getClass().getName() : null);
		long now = this.nanoTime.getAsLong();
		Window window = this.windows.get(key);
		if (window != null) {
			if (window.tryCollapse(now, settings.windowNanos())) {
				return FilterReply.DENY;
			}
			// Its window is over: its summary first, then this line opens a new window.
			if (this.windows.remove(key, window)) {
				summarize(key, window);
			}
		}
		if (this.windows.size() < settings.maxDistinctLines()) {
			Window opened = new Window(now, this.collapsed.counter(key.logger(), Level.WARN));
			Window raced = this.windows.putIfAbsent(key, opened);
			if (raced != null && raced.tryCollapse(now, settings.windowNanos())) {
				return FilterReply.DENY;
			}
		}
		return FilterReply.NEUTRAL;
	}

	/** Windows tracked now; bounded by {@code max-distinct-lines}. */
	int tracked() {
		return this.windows.size();
	}

	/** Summarizes and forgets the windows that have ended; the sweeper's work. */
	void sweep() {
		long now = this.nanoTime.getAsLong();
		long windowNanos = this.settings.windowNanos();
		this.windows.forEach((key, window) -> {
			if (window.hasEnded(now, windowNanos) && this.windows.remove(key, window)) {
				summarize(key, window);
			}
		});
	}

	private boolean isAttached() {
		return this.context.getTurboFilterList().contains(this);
	}

	private void startSweeper() {
		if (this.sweeper != null) {
			this.sweeper.shutdownNow();
		}
		long period = Math.min(SWEEP_MAX_NANOS, Math.max(SWEEP_MIN_NANOS, this.settings.windowNanos() / 4));
		this.sweeper = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "hardened-log-collapse");
			thread.setDaemon(true);
			return thread;
		});
		this.sweeper.scheduleAtFixedRate(() -> {
			try {
				sweep();
			}
			catch (RuntimeException ex) {
				// A scheduled task that throws is never run again; report it to Logback's status.
				addError("Could not write collapsed log line summaries", ex);
			}
		}, period, period, TimeUnit.NANOSECONDS);
	}

	private void summarize(Key key, Window window) {
		long repeats = window.close();
		if (repeats == 0) {
			return;
		}
		// The adapter the context's events read, which is SLF4J's MDC in an application.
		MDCAdapter adapter = this.context.getMDCAdapter();
		Map<String, String> mdc = (adapter != null) ? adapter.getCopyOfContextMap() : null;
		if (mdc != null) {
			adapter.clear();
		}
		try {
			this.context.getLogger(key.logger())
				.warn(SUMMARY, "Repeated {} more times in the {} after it was first written: {}",
						StructuredArguments.value("repeated", repeats), this.settings.windowText(), key.message());
		}
		finally {
			if (mdc != null) {
				adapter.setContextMap(mdc);
			}
		}
	}

	private record Key(String logger, String message, @Nullable String exception) {
	}

	/** Repeats of one line since its first; {@code CLOSED} once summarized. */
	private static final class Window {

		private static final long CLOSED = Long.MIN_VALUE;

		private final long openedAt;

		private final LongAdder collapsed;

		private final AtomicLong repeats = new AtomicLong();

		Window(long openedAt, LongAdder collapsed) {
			this.openedAt = openedAt;
			this.collapsed = collapsed;
		}

		boolean hasEnded(long now, long windowNanos) {
			return now - this.openedAt >= windowNanos;
		}

		boolean tryCollapse(long now, long windowNanos) {
			if (hasEnded(now, windowNanos)) {
				return false;
			}
			long count;
			do {
				count = this.repeats.get();
				if (count == CLOSED) {
					return false;
				}
			}
			while (!this.repeats.compareAndSet(count, count + 1));
			this.collapsed.increment();
			return true;
		}

		/** The repeats not yet summarized; later repeats open a new window. */
		long close() {
			long count = this.repeats.getAndSet(CLOSED);
			return (count == CLOSED) ? 0 : count;
		}

	}

	private record Settings(boolean enabled, long windowNanos, int maxDistinctLines, String windowText) {

		Settings(LoggingProperties.Collapse collapse) {
			this(collapse.isEnabled(), collapse.getWindow().toNanos(), collapse.getMaxDistinctLines(),
					text(collapse.getWindow()));
		}

		private static String text(Duration window) {
			long millis = window.toMillis();
			return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
		}

	}

}
