package dev.hardenedboot.observability.logging;

import java.util.Iterator;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Exports the {@link LogEventCounts} of dropped and of collapsed lines and, with
 * {@code hardened.logging.async=true}, how full each asynchronous queue is
 * ({@code hardened_log_queue_size} and {@code hardened_log_queue_capacity}, by appender).
 */
public class LogMetrics implements MeterBinder {

	private final LoggerContext context;

	public LogMetrics(LoggerContext context) {
		this.context = context;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		LogEventCounts.dropped(this.context).bindTo(registry);
		LogEventCounts.collapsed(this.context).bindTo(registry);
		for (Logger logger : this.context.getLoggerList()) {
			for (Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders(); appenders.hasNext();) {
				if (appenders.next() instanceof DrainingAsyncAppender queue) {
					bindQueue(registry, queue);
				}
			}
		}
	}

	private static void bindQueue(MeterRegistry registry, DrainingAsyncAppender queue) {
		Gauge.builder("hardened.log.queue.size", queue, DrainingAsyncAppender::getNumberOfElementsInQueue)
			.description("Log lines waiting for the asynchronous appender's thread")
			.tag("appender", queue.getName())
			.register(registry);
		Gauge.builder("hardened.log.queue.capacity", queue, DrainingAsyncAppender::getQueueSize)
			.description("Most log lines the asynchronous appender's queue holds")
			.tag("appender", queue.getName())
			.register(registry);
	}

}
