package dev.hardenedboot.observability.logging;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DrainingAsyncAppenderTests {

	private final LoggerContext context = new LoggerContext();

	private final Stalled output = new Stalled();

	private final DrainingAsyncAppender queue = new DrainingAsyncAppender();

	private final Logger logger = this.context.getLogger("busy");

	@AfterEach
	void release() {
		this.output.release.countDown();
		this.queue.stop();
	}

	@Test
	void fullQueueDiscardsAndCountsInfoButWarnWaitsForRoom() throws Exception {
		start(new MockEnvironment().withProperty("hardened.logging.async-queue-size", "16"));
		for (int i = 0; i < 100; i++) {
			this.logger.info("info {}", i);
		}
		// More than the stalled worker's one batch and a full queue can hold (16 + 16).
		CompletableFuture<Void> warnings = CompletableFuture.runAsync(() -> {
			for (int i = 0; i < 40; i++) {
				this.logger.warn("warn {}", i);
			}
		});
		Thread.sleep(200);
		assertThat(warnings).as("WARN waits for room rather than being discarded").isNotDone();
		this.output.release.countDown();
		warnings.get(10, TimeUnit.SECONDS);
		this.queue.stop();
		long info = this.output.count(Level.INFO);
		assertThat(this.output.count(Level.WARN)).isEqualTo(40);
		assertThat(info).isLessThan(100);
		assertThat(LogEventCounts.dropped(this.context).count("busy", Level.INFO)).isEqualTo(100 - info);
		assertThat(LogEventCounts.dropped(this.context).count("busy", Level.WARN)).isZero();
	}

	@Test
	void stopWritesOutEverythingQueued() {
		start(new MockEnvironment());
		assertThat(this.queue.getQueueSize()).isEqualTo(8192);
		assertThat(this.queue.getMaxFlushTime()).isEqualTo(10_000);
		for (int i = 0; i < 1000; i++) {
			this.logger.info("info {}", i);
		}
		assertThat(this.output.written).isEmpty();
		this.output.release.countDown();
		this.queue.stop();
		assertThat(this.output.count(Level.INFO)).isEqualTo(1000);
	}

	private void start(Environment environment) {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.context.putObject(Environment.class.getName(), environment);
		this.output.setContext(this.context);
		this.output.start();
		this.queue.setContext(this.context);
		this.queue.addAppender(this.output);
		this.queue.start();
		this.logger.addAppender(this.queue);
	}

	/** An output that writes nothing until released, like a stdout nobody reads. */
	static class Stalled extends AppenderBase<ILoggingEvent> {

		final CountDownLatch release = new CountDownLatch(1);

		final List<ILoggingEvent> written = new CopyOnWriteArrayList<>();

		@Override
		protected void append(ILoggingEvent event) {
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.written.add(event);
		}

		long count(Level level) {
			return this.written.stream().filter((event) -> event.getLevel() == level).count();
		}

	}

}
