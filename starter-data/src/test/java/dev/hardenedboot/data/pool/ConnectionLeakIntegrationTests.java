package dev.hardenedboot.data.pool;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.hardenedboot.core.context.RequestContext;
import dev.hardenedboot.data.jdbc.JdbcListenersAutoConfiguration;
import dev.hardenedboot.testsupport.CapturedLogs;
import dev.hardenedboot.testsupport.TestServices;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.jdbc.DataSourcePoolMetricsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leaked connections of a real PostgreSQL pool found by tracking borrows, and the pool's
 * {@code hikaricp.*} meters unchanged by the tracker standing in Boot's metrics binding.
 */
class ConnectionLeakIntegrationTests {

	private static final Duration REPORTED_WITHIN = Duration.ofSeconds(15);

	@RegisterExtension
	final CapturedLogs logs = new CapturedLogs(ConnectionLeakDetector.class);

	@RegisterExtension
	final CapturedLogs hikariLeakTask = new CapturedLogs("com.zaxxer.hikari.pool.ProxyLeakTask");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer((context) -> new PoolDefaultsEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), null))
		.withConfiguration(AutoConfigurations.of(JdbcListenersAutoConfiguration.class, DataPoolAutoConfiguration.class,
				DataSourceAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, DataSourcePoolMetricsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + TestServices.postgres().jdbcUrl(),
				"spring.datasource.hikari.leak-detection-threshold=2000");

	@Test
	void leakIsReportedWithRequestAndRouteThenTheNextOneWithTheStackThatTookIt() {
		this.runner.run((context) -> {
			HikariDataSource pool = context.getBean(HikariDataSource.class);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(pool.getLeakDetectionThreshold()).as("Hikari's own detection is off").isZero();
			assertThat(context.getBean(PoolDerivations.class).get("dataSource").orElseThrow().leakDetectionThreshold())
				.isEqualTo(Duration.ofSeconds(2));

			// A request thread takes a connection and does not give it back.
			CountDownLatch release = new CountDownLatch(1);
			CountDownLatch borrowed = new CountDownLatch(1);
			Thread worker = new Thread(() -> {
				RequestContext request = RequestContext.of("req-leak-1").withRoute("/orders/{id}");
				try (RequestContext.Scope scope = request.makeCurrent(); Connection connection = pool.getConnection()) {
					borrowed.countDown();
					release.await();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}, "leaky-worker");
			worker.start();
			assertThat(borrowed.await(10, TimeUnit.SECONDS)).isTrue();
			ILoggingEvent first = awaitEvent(Level.WARN, 1);
			assertThat(first.getFormattedMessage()).contains("Connection leak on pool 'dataSource'",
					"leak-detection-threshold 2000 ms", "thread 'leaky-worker'", "for request req-leak-1",
					"on route /orders/{id}", "where that thread is now follows");
			assertThat(first.getMDCPropertyMap()).containsEntry("request_id", "req-leak-1");
			assertThat(first.getThrowableProxy().getMessage()).contains("thread 'leaky-worker'");
			assertThat(frames(first)).as("the worker waits on the latch in this test")
				.anyMatch((frame) -> frame.startsWith(ConnectionLeakIntegrationTests.class.getName()));
			assertThat(meters.get("hardened.data.pool.leaks").functionCounter().count()).isEqualTo(1);

			release.countDown();
			worker.join(10_000);
			ILoggingEvent returned = awaitEvent(Level.INFO, 1);
			assertThat(returned.getFormattedMessage()).contains("reported as leaked on pool 'dataSource'",
					"thread 'leaky-worker'", "for request req-leak-1", "was returned after");

			// From the first leak on, the pool records where each borrow happened.
			Connection second = pool.getConnection();
			try {
				ILoggingEvent report = awaitEvent(Level.WARN, 2);
				assertThat(report.getFormattedMessage()).contains("the stack that borrowed it follows");
				assertThat(frames(report).get(0)).as("the first frame past the pool is the code that borrowed")
					.startsWith(ConnectionLeakIntegrationTests.class.getName());
			}
			finally {
				second.close();
			}
			assertThat(meters.get("hardened.data.pool.leaks").functionCounter().count()).isEqualTo(2);
			assertThat(this.hikariLeakTask.events()).as("only one detector reports").isEmpty();
		});
	}

	@Test
	void connectionsReturnedUnderContentionAreNeitherKeptNorReported() {
		// Four times more threads than connections, each return racing the others' borrows:
		// every return ends one borrow, and none is left behind to be reported.
		this.runner.withPropertyValues("spring.datasource.hikari.maximum-pool-size=4").run((context) -> {
			HikariDataSource pool = context.getBean(HikariDataSource.class);
			ExecutorService clients = Executors.newFixedThreadPool(16);
			try {
				List<Future<?>> runs = new ArrayList<>();
				for (int client = 0; client < 16; client++) {
					runs.add(clients.submit(() -> {
						for (int i = 0; i < 200; i++) {
							try (Connection connection = pool.getConnection()) {
								connection.createStatement().execute("SELECT 1");
							}
						}
						return null;
					}));
				}
				for (Future<?> run : runs) {
					run.get(60, TimeUnit.SECONDS);
				}
			}
			finally {
				clients.shutdownNow();
			}
			ConnectionLeakDetector detector = context.getBean(ConnectionLeakDetector.class);
			assertThat(detector.trackers()).singleElement()
				.satisfies((tracker) -> assertThat(tracker.outstanding()).isZero());
			Thread.sleep(3_500);
			assertThat(this.logs.events()).isEmpty();
		});
	}

	@Test
	void hikariMetersAreThoseBootBindsWithoutTheTracker() {
		Map<String, Set<String>> tracked = new TreeMap<>();
		Map<String, Set<String>> untracked = new TreeMap<>();
		this.runner.run((context) -> {
			assertThat(context.getBean(HikariDataSource.class).getMetricsTrackerFactory())
				.isNotInstanceOf(MicrometerMetricsTrackerFactory.class);
			tracked.putAll(hikariMetersAfterThreeBorrows(context.getBean(HikariDataSource.class),
					context.getBean(MeterRegistry.class)));
		});
		this.runner.withPropertyValues("hardened.data.pool.leak-stack-capture=every-borrow").run((context) -> {
			HikariDataSource pool = context.getBean(HikariDataSource.class);
			assertThat(pool.getMetricsTrackerFactory()).isInstanceOf(MicrometerMetricsTrackerFactory.class);
			assertThat(pool.getLeakDetectionThreshold()).as("Hikari's own detection").isEqualTo(2000);
			untracked.putAll(hikariMetersAfterThreeBorrows(pool, context.getBean(MeterRegistry.class)));
			assertThat(context.getBean(MeterRegistry.class).find("hardened.data.pool.leaks").meter()).isNull();
		});
		assertThat(tracked).isEqualTo(untracked).containsKeys("hikaricp.connections.acquire",
				"hikaricp.connections.usage", "hikaricp.connections.active", "hikaricp.connections.pending",
				"hikaricp.connections.timeout");
	}

	private static Map<String, Set<String>> hikariMetersAfterThreeBorrows(HikariDataSource pool, MeterRegistry meters)
			throws Exception {
		Timer acquire = meters.get("hikaricp.connections.acquire").timer();
		Timer usage = meters.get("hikaricp.connections.usage").timer();
		long acquired = acquire.count();
		long used = usage.count();
		for (int i = 0; i < 3; i++) {
			try (Connection connection = pool.getConnection()) {
				assertThat(meters.get("hikaricp.connections.active").gauge().value()).isEqualTo(1);
			}
		}
		assertThat(acquire.count() - acquired).isEqualTo(3);
		assertThat(usage.count() - used).isEqualTo(3);
		return meters.getMeters()
			.stream()
			.map(Meter::getId)
			.filter((id) -> id.getName().startsWith("hikaricp."))
			.collect(Collectors.groupingBy(Meter.Id::getName, TreeMap::new, Collectors.mapping(
					(id) -> id.getTags().stream().map(Tag::getKey).sorted().collect(Collectors.joining(",")),
					Collectors.toSet())));
	}

	private ILoggingEvent awaitEvent(Level level, int count) throws InterruptedException {
		long deadline = System.nanoTime() + REPORTED_WITHIN.toNanos();
		// The sweeper appends while this thread reads.
		Predicate<ILoggingEvent> atLevel = (event) -> event != null && event.getLevel() == level;
		while (System.nanoTime() < deadline) {
			List<ILoggingEvent> events = List.copyOf(this.logs.events()).stream().filter(atLevel).toList();
			if (events.size() >= count) {
				return events.get(count - 1);
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No " + count + " " + level + " event(s) within " + REPORTED_WITHIN + ": "
				+ this.logs.events());
	}

	private static List<String> frames(ILoggingEvent event) {
		return Arrays.stream(event.getThrowableProxy().getStackTraceElementProxyArray())
			.map((frame) -> frame.getStackTraceElement().getClassName())
			.toList();
	}

}
