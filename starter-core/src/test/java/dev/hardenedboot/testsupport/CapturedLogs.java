package dev.hardenedboot.testsupport;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * The events one logger writes during each test, with their MDC and throwable:
 * {@code @RegisterExtension final CapturedLogs logs = new CapturedLogs(Some.class);}.
 */
public final class CapturedLogs implements BeforeEachCallback, AfterEachCallback {

	private final Logger logger;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	public CapturedLogs(Class<?> loggerType) {
		this(loggerType.getName());
	}

	/**
	 * For a logger named after a class the test cannot see, a library's package-private one.
	 * @param loggerName the logger's name
	 */
	public CapturedLogs(String loggerName) {
		this.logger = (Logger) LoggerFactory.getLogger(loggerName);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.appender.list.clear();
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.logger.detachAppender(this.appender);
	}

	/**
	 * Attaches again, for a test that starts its own application: Boot's logging set-up
	 * during start-up stops and removes appenders added before it.
	 */
	public void reattach() {
		this.logger.detachAppender(this.appender);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	public List<ILoggingEvent> events() {
		return this.appender.list;
	}

}
