package dev.hardenedboot.observability.logging;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Metrics of the log pipeline: lines dropped by sampling or a full queue, and the
 * asynchronous queue's fill.
 */
@AutoConfiguration(after = MetricsAutoConfiguration.class)
@ConditionalOnClass({ MeterRegistry.class, LoggerContext.class })
@ConditionalOnLogback
@ConditionalOnProperty(prefix = "hardened.logging", name = "enabled", matchIfMissing = true)
public class LoggingMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LogMetrics logMetrics() {
		return new LogMetrics((LoggerContext) LoggerFactory.getILoggerFactory());
	}

}
