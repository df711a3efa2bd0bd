package dev.hardenedboot.observability.logging.sampling;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hardenedboot.observability.logging.LogEventCounts;
import dev.hardenedboot.observability.logging.LoggingProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogSamplerTests {

	private final LoggerContext context = new LoggerContext();

	private final ListAppender<ILoggingEvent> written = new ListAppender<>();

	private final Logger logger = this.context.getLogger("chatty");

	private final LoggingProperties.Sampling sampling = new LoggingProperties.Sampling();

	@BeforeEach
	void writeEverythingToAList() {
		this.written.start();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.written);
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.TRACE);
		this.sampling.getInfo().put("chatty", 10);
	}

	@Test
	void dropsInfoBeyondTheBucketAndCountsEveryDrop() {
		attach();
		long start = System.nanoTime();
		for (int i = 0; i < 100; i++) {
			this.logger.info("line {}", i);
		}
		// One second's worth at once, plus what refilled while the loop ran (a slow machine).
		long refilled = (System.nanoTime() - start) / 100_000_000L + 1;
		long written = count(Level.INFO);
		assertThat(written).isBetween(10L, 10 + refilled);
		assertThat(LogEventCounts.dropped(this.context).count("chatty", Level.INFO)).isEqualTo(100 - written);
	}

	@Test
	void neverTouchesWarnOrError() {
		this.sampling.getInfo().put("chatty", 0);
		attach();
		for (int i = 0; i < 500; i++) {
			this.logger.warn("warn {}", i);
			this.logger.error("error {}", i);
			this.logger.info("info {}", i);
		}
		assertThat(count(Level.WARN)).isEqualTo(500);
		assertThat(count(Level.ERROR)).isEqualTo(500);
		assertThat(count(Level.INFO)).isZero();
		assertThat(LogEventCounts.dropped(this.context).count("chatty", Level.INFO)).isEqualTo(500);
	}

	@Test
	void disabledLinesAndEnabledChecksTakeNoToken() {
		this.sampling.getDebug().put("chatty", 1);
		attach();
		this.logger.setLevel(Level.INFO);
		for (int i = 0; i < 50; i++) {
			this.logger.debug("disabled {}", i);
			assertThat(this.logger.isInfoEnabled()).isTrue();
		}
		this.logger.setLevel(Level.DEBUG);
		this.logger.debug("enabled");
		assertThat(count(Level.DEBUG)).isEqualTo(1);
		assertThat(LogEventCounts.dropped(this.context).count("chatty", Level.DEBUG)).isZero();
	}

	@Test
	void updateAppliesNewRatesWhileRunning() {
		LogSampler sampler = attach();
		LoggingProperties.Sampling unlimited = new LoggingProperties.Sampling();
		unlimited.getInfo().put("chatty", -1);
		sampler.update(unlimited);
		for (int i = 0; i < 5000; i++) {
			this.logger.info("line {}", i);
		}
		assertThat(count(Level.INFO)).isEqualTo(5000);
	}

	@Test
	void detachTakesTheSamplerOut() {
		this.sampling.getInfo().put("chatty", 0);
		LogSampler sampler = attach();
		sampler.detach();
		this.logger.info("through");
		assertThat(count(Level.INFO)).isEqualTo(1);
		assertThat(this.context.getTurboFilterList()).isEmpty();
	}

	@Test
	void aLogbackResetDoesNotTakeTheSamplerOut() {
		this.sampling.getInfo().put("chatty", 0);
		LogSampler sampler = attach();
		// What Boot does when another application in the same JVM reconfigures Logback.
		this.context.reset();
		assertThat(this.context.getTurboFilterList()).containsExactly(sampler);
		assertThat(sampler.isStarted()).isTrue();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.written);
		this.logger.info("dropped");
		assertThat(count(Level.INFO)).isZero();
		sampler.detach();
		this.context.reset();
		assertThat(this.context.getTurboFilterList()).isEmpty();
	}

	private LogSampler attach() {
		LogSampler sampler = new LogSampler(this.context, this.sampling);
		sampler.attach();
		sampler.attach();
		assertThat(this.context.getTurboFilterList()).containsExactly(sampler);
		return sampler;
	}

	private long count(Level level) {
		return this.written.list.stream().filter((event) -> event.getLevel() == level).count();
	}

}
