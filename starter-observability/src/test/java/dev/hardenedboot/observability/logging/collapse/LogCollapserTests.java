package dev.hardenedboot.observability.logging.collapse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.read.ListAppender;
import dev.hardenedboot.observability.logging.LogEventCounts;
import dev.hardenedboot.observability.logging.LoggingProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LogCollapserTests {

	private final LoggerContext context = new LoggerContext();

	/** Reads each event's MDC as it is appended, as an encoder or a queue does. */
	private final ListAppender<ILoggingEvent> written = new ListAppender<>() {

		@Override
		protected void append(ILoggingEvent event) {
			event.prepareForDeferredProcessing();
			super.append(event);
		}

	};

	private final Logger logger = this.context.getLogger("repeating");

	private final LoggingProperties.Collapse settings = new LoggingProperties.Collapse();

	private final AtomicLong now = new AtomicLong();

	private LogCollapser collapser;

	@BeforeEach
	void writeEverythingToAList() {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.written.start();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.written);
		this.settings.setEnabled(true);
	}

	@AfterEach
	void detach() {
		if (this.collapser != null) {
			this.collapser.detach();
		}
	}

	@Test
	void offByDefaultEveryLineIsWritten() {
		this.collapser = new LogCollapser(this.context, new LoggingProperties.Collapse(), this.now::get);
		this.collapser.attach();
		assertThat(this.context.getTurboFilterList()).doesNotContain(this.collapser);
		for (int i = 0; i < 100; i++) {
			this.logger.warn("disk almost full");
		}
		assertThat(this.written.list).hasSize(100);
	}

	@Test
	void aBurstOfOneWarnIsOneLineThenASummaryCountedApartFromDrops() {
		attach();
		for (int i = 0; i < 1000; i++) {
			this.logger.warn("disk {} almost full", "/data");
		}
		assertThat(messages()).containsExactly("disk /data almost full");
		this.now.addAndGet(Duration.ofSeconds(10).toNanos());
		this.collapser.sweep();
		assertThat(messages()).containsExactly("disk /data almost full",
				"Repeated 999 more times in the 10s after it was first written: disk /data almost full");
		ILoggingEvent summary = this.written.list.get(1);
		assertThat(summary.getLevel()).isEqualTo(Level.WARN);
		assertThat(summary.getLoggerName()).isEqualTo("repeating");
		assertThat(summary.getMarkerList()).containsExactly(LogCollapser.SUMMARY);
		assertThat(LogEventCounts.collapsed(this.context).count("repeating", Level.WARN)).isEqualTo(999);
		assertThat(LogEventCounts.dropped(this.context).count("repeating", Level.WARN)).isZero();
	}

	@Test
	void theNextOccurrenceAfterTheWindowWritesTheSummaryFirstAndOpensANewWindow() {
		attach();
		this.logger.warn("retrying");
		this.logger.warn("retrying");
		this.now.addAndGet(Duration.ofSeconds(11).toNanos());
		this.logger.warn("retrying");
		this.logger.warn("retrying");
		assertThat(messages()).containsExactly("retrying",
				"Repeated 1 more times in the 10s after it was first written: retrying", "retrying");
		assertThat(LogEventCounts.collapsed(this.context).count("repeating", Level.WARN)).isEqualTo(2);
	}

	@Test
	void aLoneLineHasNoSummary() {
		attach();
		this.logger.warn("once");
		this.now.addAndGet(Duration.ofSeconds(10).toNanos());
		this.collapser.sweep();
		assertThat(messages()).containsExactly("once");
		assertThat(this.collapser.tracked()).isZero();
	}

	@Test
	void differentMessagesLoggersAndExceptionsAreNeverCollapsed() {
		attach();
		for (int i = 0; i < 50; i++) {
			this.logger.warn("order {} failed", i);
		}
		this.context.getLogger("other").warn("order 1 failed");
		this.logger.warn("order 1 failed", new IllegalStateException("a"));
		this.logger.warn("order 1 failed", new IllegalArgumentException("b"));
		assertThat(this.written.list).hasSize(53);
		assertThat(LogEventCounts.collapsed(this.context).count("repeating", Level.WARN)).isZero();
	}

	@Test
	void errorsAndInfoAreNeverCollapsed() {
		attach();
		for (int i = 0; i < 20; i++) {
			this.logger.error("payment declined");
			this.logger.info("polled");
		}
		assertThat(this.written.list).hasSize(40);
	}

	@Test
	void trackedLinesAreBoundedAndLinesPastTheBoundAreWritten() {
		this.settings.setMaxDistinctLines(10);
		attach();
		for (int i = 0; i < 10_000; i++) {
			this.logger.warn("distinct {}", i);
		}
		assertThat(this.written.list).hasSize(10_000);
		assertThat(this.collapser.tracked()).isEqualTo(10);
		// Lines beyond the bound are not tracked, so their repeats are written too.
		this.logger.warn("distinct 9999");
		assertThat(this.written.list).hasSize(10_001);
	}

	@Test
	void veryLongMessagesAreWrittenEachTime() {
		attach();
		String longMessage = "x".repeat(LogCollapser.MAX_MESSAGE_LENGTH + 1);
		this.logger.warn(longMessage);
		this.logger.warn(longMessage);
		assertThat(this.written.list).hasSize(2);
		assertThat(this.collapser.tracked()).isZero();
	}

	@Test
	void summaryCarriesNoRequestsMdc() {
		attach();
		this.logger.warn("slow downstream");
		this.logger.warn("slow downstream");
		this.now.addAndGet(Duration.ofSeconds(10).toNanos());
		this.context.getMDCAdapter().put("request_id", "req-7");
		this.logger.warn("slow downstream");
		assertThat(this.context.getMDCAdapter().get("request_id")).isEqualTo("req-7");
		assertThat(this.written.list.get(1).getMDCPropertyMap()).doesNotContainKey("request_id");
		assertThat(this.written.list.get(2).getMDCPropertyMap()).containsEntry("request_id", "req-7");
	}

	@Test
	void detachingWritesThePendingSummaries() {
		attach();
		this.logger.warn("queue full");
		this.logger.warn("queue full");
		this.logger.warn("queue full");
		this.collapser.detach();
		assertThat(messages()).containsExactly("queue full",
				"Repeated 2 more times in the 10s after it was first written: queue full");
		assertThat(this.context.getTurboFilterList()).doesNotContain(this.collapser);
	}

	@Test
	void updateTurnsItOnAndOff() {
		this.collapser = new LogCollapser(this.context, new LoggingProperties.Collapse(), this.now::get);
		this.collapser.attach();
		this.collapser.update(this.settings);
		this.logger.warn("flapping");
		this.logger.warn("flapping");
		assertThat(this.written.list).hasSize(1);
		this.collapser.update(new LoggingProperties.Collapse());
		this.logger.warn("flapping");
		assertThat(messages()).containsExactly("flapping",
				"Repeated 1 more times in the 10s after it was first written: flapping", "flapping");
	}

	@Test
	void theSweeperWritesTheSummaryWithoutAnotherOccurrence() {
		this.settings.setWindow(Duration.ofMillis(200));
		this.collapser = new LogCollapser(this.context, this.settings);
		this.collapser.attach();
		this.logger.warn("cache miss storm");
		this.logger.warn("cache miss storm");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(messages()).containsExactly("cache miss storm",
					"Repeated 1 more times in the 200ms after it was first written: cache miss storm"));
	}

	private void attach() {
		this.collapser = new LogCollapser(this.context, this.settings, this.now::get);
		this.collapser.attach();
	}

	private List<String> messages() {
		return this.written.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

}
