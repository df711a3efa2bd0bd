package dev.hardenedboot.observability.logging;

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
 * The opt-in collapse through a started application and its JSON lines: a burst of one
 * WARN from four threads is one line plus a summary carrying the count, and the collapsed
 * counter, read over a real Prometheus scrape, is apart from the drop counter.
 */
class LogCollapseIntegrationTests {

	private static final int THREADS = 4;

	private static final int PER_THREAD = 250;

	@RegisterExtension
	final StdoutCapture stdout = new StdoutCapture();

	@Test
	void burstOfOneWarnIsOneLineAndASummaryWithTheCount() throws Exception {
		String scrape;
		try (ConfigurableApplicationContext context = LogLinesApplication
			.start("hardened.logging.collapse.enabled=true", "hardened.logging.collapse.window=1m")) {
			Logger logger = LoggerFactory.getLogger("storm");
			ExecutorService threads = Executors.newFixedThreadPool(THREADS);
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				done.add(threads.submit(() -> {
					for (int i = 0; i < PER_THREAD; i++) {
						logger.warn("downstream {} refused the connection", "pricing");
					}
				}));
			}
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
			threads.shutdown();
			logger.warn("downstream {} refused the connection", "inventory");
			scrape = LogLinesApplication.get(context, "/actuator/prometheus");
		}
		// Closing the context detached the collapser, which wrote the pending summary.
		List<JsonNode> lines = this.stdout.json(StdoutCapture.logger("storm"));
		assertThat(lines).extracting((line) -> line.path("message").asText())
			.containsExactly("downstream pricing refused the connection", "downstream inventory refused the connection",
					"Repeated 999 more times in the 60s after it was first written: "
							+ "downstream pricing refused the connection");
		assertThat(lines.get(2).path("repeated").asLong()).isEqualTo(999);
		assertThat(lines).allSatisfy((line) -> assertThat(line.path("level").asText()).isEqualTo("WARN"));
		assertThat(counterInScrape(scrape, "hardened_log_events_collapsed_total")).isEqualTo(999);
		LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
		assertThat(LogEventCounts.dropped(logback).count("storm", Level.WARN)).isZero();
		assertThat(scrape).doesNotContainPattern("hardened_log_events_dropped_total\\{[^}]*logger=\"storm\"");
	}

	@Test
	void offByDefaultEveryLineIsWritten() throws Exception {
		try (ConfigurableApplicationContext context = LogLinesApplication.start()) {
			Logger logger = LoggerFactory.getLogger("storm");
			for (int i = 0; i < 100; i++) {
				logger.warn("downstream {} refused the connection", "pricing");
			}
		}
		assertThat(this.stdout.json(StdoutCapture.logger("storm"))).hasSize(100);
	}

	private static long counterInScrape(String scrape, String name) {
		Matcher matcher = Pattern.compile("(?m)^" + name + "\\{([^}]*)} ([0-9.E]+)$").matcher(scrape);
		while (matcher.find()) {
			if (matcher.group(1).contains("level=\"WARN\"") && matcher.group(1).contains("logger=\"storm\"")) {
				return (long) Double.parseDouble(matcher.group(2));
			}
		}
		throw new AssertionError("No " + name + " for storm/WARN in:\n" + scrape);
	}

}
