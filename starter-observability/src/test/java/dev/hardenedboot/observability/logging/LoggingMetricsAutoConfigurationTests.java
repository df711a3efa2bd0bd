package dev.hardenedboot.observability.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LoggingMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class));

	private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();

	@Test
	void onByDefaultExportingDropsCountedBeforeAndAfterBinding() {
		LogEventCounts.dropped(this.logback).counter("before", Level.INFO).add(3);
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(LogMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			LogEventCounts.dropped(this.logback).counter("after", Level.DEBUG).add(2);
			assertThat(registry.get(LogEventCounts.DROPPED_METER).tags("logger", "before", "level", "INFO")
				.functionCounter()
				.count()).isGreaterThanOrEqualTo(3);
			assertThat(registry.get(LogEventCounts.DROPPED_METER).tags("logger", "after", "level", "DEBUG")
				.functionCounter()
				.count()).isGreaterThanOrEqualTo(2);
		});
	}

	@Test
	void asyncQueueFillIsAGauge() {
		DrainingAsyncAppender queue = new DrainingAsyncAppender();
		queue.setName("QUEUE");
		queue.setContext(this.logback);
		queue.addAppender(new ch.qos.logback.core.read.ListAppender<>());
		queue.start();
		ch.qos.logback.classic.Logger logger = this.logback.getLogger("queued");
		logger.addAppender(queue);
		try {
			this.runner.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("hardened.log.queue.capacity").tag("appender", "QUEUE").gauge().value())
					.isEqualTo(8192);
				assertThat(registry.get("hardened.log.queue.size").tag("appender", "QUEUE").gauge().value()).isZero();
			});
		}
		finally {
			logger.detachAppender(queue);
			queue.stop();
		}
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.logging.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LogMetrics.class));
	}

	@Test
	void backsOffToAUserBinder() {
		this.runner.withUserConfiguration(UserMetrics.class).run((context) -> {
			assertThat(context).hasSingleBean(LogMetrics.class);
			assertThat(context).getBean(LogMetrics.class).isSameAs(context.getBean("myLogMetrics"));
		});
	}

	@Test
	void absentWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LogMetrics.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserMetrics {

		@Bean
		LogMetrics myLogMetrics() {
			return new LogMetrics((LoggerContext) LoggerFactory.getILoggerFactory());
		}

		@Bean
		SimpleMeterRegistry simpleMeterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
