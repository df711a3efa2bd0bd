package dev.hardenedboot.observability.logging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of 50,000 INFO and 1,000 WARN lines from four threads through a started
 * application: every WARN line is written, and the drop counter, read over a real Prometheus
 * scrape, accounts for every missing INFO line.
 */
class LogSamplingIntegrationTests {

	private static final int THREADS = 4;

	private static final int INFO_PER_THREAD = 12_500;

	private static final int WARN_PER_THREAD = 250;

	@RegisterExtension
	final StdoutCapture stdout = new StdoutCapture();

	@Test
	void burstKeepsEveryWarnAndCountsEveryDroppedInfo() throws Exception {
		String scrape;
		long took;
		try (ConfigurableApplicationContext context = LogLinesApplication.start()) {
			Logger logger = LoggerFactory.getLogger("burst");
			ExecutorService threads = Executors.newFixedThreadPool(THREADS);
			long start = System.nanoTime();
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				done.add(threads.submit(() -> {
					for (int i = 0; i < INFO_PER_THREAD; i++) {
						logger.info("info {} {}", thread, i);
						if (i % (INFO_PER_THREAD / WARN_PER_THREAD) == 0) {
							logger.warn("warn {} {}", thread, i);
						}
					}
				}));
			}
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
			took = System.nanoTime() - start;
			threads.shutdown();
			scrape = LogLinesApplication.get(context, "/actuator/prometheus");
		}
		List<JsonNode> lines = this.stdout.json(StdoutCapture.logger("burst"));
		long warn = lines.stream().filter((line) -> line.path("level").asText().equals("WARN")).count();
		long info = lines.stream().filter((line) -> line.path("level").asText().equals("INFO")).count();
		long total = THREADS * INFO_PER_THREAD;
		assertThat(warn).isEqualTo(THREADS * WARN_PER_THREAD);
		assertThat(info).isPositive().isLessThan(total);
		assertThat(droppedInScrape(scrape)).isEqualTo(total - info);
		assertThat(Duration.ofNanos(took)).isLessThan(Duration.ofSeconds(30));
		LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
		assertThat(LogEventCounts.dropped(logback).count("burst", Level.WARN)).isZero();
	}

	private static long droppedInScrape(String scrape) {
		Matcher matcher = Pattern
			.compile("(?m)^hardened_log_events_dropped_total\\{([^}]*)} ([0-9.E]+)$")
			.matcher(scrape);
		while (matcher.find()) {
			if (matcher.group(1).contains("level=\"INFO\"") && matcher.group(1).contains("logger=\"burst\"")) {
				return (long) Double.parseDouble(matcher.group(2));
			}
		}
		throw new AssertionError("No drop counter for burst/INFO in:\n" + scrape);
	}

}
