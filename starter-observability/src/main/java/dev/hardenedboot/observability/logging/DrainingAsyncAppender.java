package dev.hardenedboot.observability.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@link AsyncAppender} as {@code hardened.logging.async=true} wants it: sized from
 * {@code hardened.logging.async-queue-size}; when the queue is nearly full, INFO and lower
 * lines are discarded and counted in {@link LogEventCounts#dropped}, while WARN and ERROR wait for
 * room (never {@code neverBlock}); on shutdown the queue is written out, for up to
 * {@code hardened.logging.async-shutdown-timeout}. Boot stops Logback after the application
 * context has closed, so the last lines of a graceful shutdown are written too.
 */
public class DrainingAsyncAppender extends AsyncAppender {

	// Replaced by the context's counts on start; Logback calls nothing that counts before.
	private LogEventCounts dropped = new LogEventCounts(LogEventCounts.DROPPED_METER, "");

	@Override
	public void start() {
		LoggingProperties properties = BoundLoggingProperties.from(getContext());
		setQueueSize(properties.getAsyncQueueSize());
		setMaxFlushTime(Math.toIntExact(properties.getAsyncShutdownTimeout().toMillis()));
		setNeverBlock(false);
		this.dropped = LogEventCounts.dropped(getContext());
		super.start();
	}

	/**
	 * Asked only when the queue is nearly full: Logback's answer (INFO and lower), counted.
	 */
	@Override
	protected boolean isDiscardable(ILoggingEvent event) {
		if (!super.isDiscardable(event)) {
			return false;
		}
		this.dropped.counter(event.getLoggerName(), event.getLevel()).increment();
		return true;
	}

}
