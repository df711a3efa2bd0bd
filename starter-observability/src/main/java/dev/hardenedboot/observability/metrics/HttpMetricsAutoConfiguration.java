package dev.hardenedboot.observability.metrics;

import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.web.client.HttpClientObservationsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.web.servlet.WebMvcObservationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * The guard on the {@code uri} tag of the HTTP server and client timers. Common tags and
 * SLO buckets are property defaults ({@link MetricsDefaultsEnvironmentPostProcessor}).
 */
@AutoConfiguration(after = MetricsAutoConfiguration.class,
		before = { WebMvcObservationAutoConfiguration.class, HttpClientObservationsAutoConfiguration.class })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnProperty(prefix = "hardened.metrics", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(MetricsProperties.class)
public class HttpMetricsAutoConfiguration {

	/**
	 * Ahead of Boot's uri filters (order 0), so they see the folded values.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@ConditionalOnMissingBean
	UriCardinalityGuard uriCardinalityGuard(MetricsProperties properties, Environment environment) {
		Set<String> meters = Set.of(
				environment.getProperty("management.observations.http.server.requests.name", "http.server.requests"),
				environment.getProperty("management.observations.http.client.requests.name", "http.client.requests"));
		return new UriCardinalityGuard(meters, properties.getMaxUriTags());
	}

}
