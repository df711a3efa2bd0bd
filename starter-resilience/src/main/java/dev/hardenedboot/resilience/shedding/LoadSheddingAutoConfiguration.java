package dev.hardenedboot.resilience.shedding;

import java.util.EnumSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import dev.hardenedboot.core.errors.ErrorsAutoConfiguration;
import dev.hardenedboot.core.errors.ProblemDetails;
import dev.hardenedboot.core.errors.ProblemResponseWriter;
import dev.hardenedboot.core.web.HardenedFilterOrder;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Adaptive load shedding of inbound requests, at {@link HardenedFilterOrder#LOAD_SHEDDING}:
 * inside the request id, observation, deadline and security headers filters, so a shed 503
 * is measured, traced and carries the request id and security headers.
 */
@AutoConfiguration(after = ErrorsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SimpleLimiter.class, PathPatternParser.class })
@ConditionalOnProperty(prefix = "hardened.resilience.load-shedding", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(LoadSheddingProperties.class)
public class LoadSheddingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PathGroupLimiters loadSheddingLimiters(LoadSheddingProperties properties) {
		return new PathGroupLimiters(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	LoadSheddingMetrics loadSheddingMetrics(PathGroupLimiters limiters) {
		return new LoadSheddingMetrics(limiters);
	}

	@Bean
	@ConditionalOnMissingFilterBean(LoadSheddingFilter.class)
	FilterRegistrationBean<LoadSheddingFilter> loadSheddingFilter(PathGroupLimiters limiters,
			LoadSheddingMetrics metrics, LoadSheddingProperties properties, ObjectProvider<ProblemDetails> problems,
			ObjectProvider<ProblemResponseWriter> writer) {
		LoadSheddingFilter filter = new LoadSheddingFilter(limiters, metrics,
				problems.getIfAvailable(() -> new ProblemDetails(null)),
				writer.getIfAvailable(() -> new ProblemResponseWriter(new ObjectMapper())), properties);
		FilterRegistrationBean<LoadSheddingFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(HardenedFilterOrder.LOAD_SHEDDING);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
		return registration;
	}

}
