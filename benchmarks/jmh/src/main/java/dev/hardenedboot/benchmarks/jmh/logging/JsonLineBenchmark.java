package dev.hardenedboot.benchmarks.jmh.logging;

import java.util.Iterator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Encoding one INFO line with a request's MDC ({@code request_id}, trace and span ids) and
 * one argument, by the console encoder Spring Boot's logging system configured at start-up:
 * Hardened Boot's JSON encoder ({@code hardened}), Boot's built-in structured
 * {@code logstash} format with Hardened Boot's logging switched off ({@code boot-logstash}),
 * and Boot's default text pattern ({@code boot-pattern}), the cheapest line there is.
 *
 * <p>Only the encoder is measured, not the write: where the bytes go (a pipe, a file, a
 * container runtime) costs the same for every format of the same length.
 */
@State(Scope.Thread)
public class JsonLineBenchmark {

	private static final String FQCN = Logger.class.getName();

	@Param({ "hardened", "boot-logstash", "boot-pattern" })
	public String format;

	private ConfigurableApplicationContext context;

	private Encoder<ILoggingEvent> encoder;

	private Logger logger;

	@Setup
	public void startContext() {
		SpringApplicationBuilder application = new SpringApplicationBuilder(LoggingApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.application.name=orders");
		if (!this.format.equals("hardened")) {
			application.properties("hardened.logging.enabled=false");
		}
		if (this.format.equals("boot-logstash")) {
			application.properties("logging.structured.format.console=logstash");
		}
		this.context = application.run();
		this.encoder = consoleEncoder();
		this.logger = (Logger) LoggerFactory.getLogger("com.example.orders.OrderService");
		MDC.put("request_id", "9f1c2d3e4b5a69788796a5b4c3d2e1f0");
		MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		MDC.put("spanId", "00f067aa0ba902b7");
	}

	@TearDown
	public void closeContext() {
		MDC.clear();
		this.context.close();
	}

	@Benchmark
	public byte[] encodeLine() {
		LoggingEvent event = new LoggingEvent(FQCN, this.logger, Level.INFO, "Order {} placed", null,
				new Object[] { 1042 });
		return this.encoder.encode(event);
	}

	/**
	 * The encoder of the console appender Boot configured, taken off the root logger so the
	 * benchmark does not write to the terminal; it stays started.
	 */
	@SuppressWarnings("unchecked")
	private Encoder<ILoggingEvent> consoleEncoder() {
		LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = loggers.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext();) {
			Appender<ILoggingEvent> appender = appenders.next();
			if (appender instanceof OutputStreamAppender<ILoggingEvent> console) {
				root.detachAppender(appender);
				Encoder<ILoggingEvent> found = console.getEncoder();
				verify(found);
				return found;
			}
		}
		throw new IllegalStateException("No console appender on the root logger for format " + this.format);
	}

	private void verify(Encoder<ILoggingEvent> found) {
		String className = found.getClass().getName();
		boolean expected = switch (this.format) {
			case "hardened" -> className.equals("dev.hardenedboot.observability.logging.JsonLineEncoder");
			case "boot-logstash" -> className.equals("org.springframework.boot.logging.logback.StructuredLogEncoder");
			default -> className.equals("ch.qos.logback.classic.encoder.PatternLayoutEncoder");
		};
		if (!expected) {
			throw new IllegalStateException("Format " + this.format + " got the encoder " + className);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class LoggingApplication {

	}

}
