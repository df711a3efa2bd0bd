package dev.hardenedboot.resilience.report;

import dev.hardenedboot.core.report.HardeningCheck;
import dev.hardenedboot.resilience.annotation.ResilienceAnnotations;
import dev.hardenedboot.resilience.annotation.ResilienceAnnotationsAutoConfiguration;
import io.github.resilience4j.spring6.circuitbreaker.configure.CircuitBreakerConfigurationProperties;
import io.github.resilience4j.spring6.fallback.FallbackMethod;
import io.github.resilience4j.spring6.retry.configure.RetryConfigurationProperties;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The resilience starter's hardening checks, read from resilience4j's own registries and
 * properties and from what the start-up check of the annotations found.
 */
@AutoConfiguration(after = { ResilienceAnnotationsAutoConfiguration.class, CircuitBreakerAutoConfiguration.class,
		RetryAutoConfiguration.class, TimeLimiterAutoConfiguration.class })
@ConditionalOnClass({ HardeningCheck.class, FallbackMethod.class })
@ConditionalOnProperty(prefix = "hardened.report", name = "enabled", matchIfMissing = true)
public class ResilienceHardeningChecksAutoConfiguration {

	@Bean
	HardeningCheck resilienceFallbacksCheck(ObjectProvider<ResilienceAnnotations> annotations) {
		return new FallbacksCheck(annotations.getIfAvailable());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(TimeLimiterRegistry.class)
	static class TimeLimiterChecksConfiguration {

		@Bean
		HardeningCheck resilienceTimeLimiterCheck(TimeLimiterRegistry registry, Environment environment) {
			return new TimeLimiterCheck(registry, environment);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean({ CircuitBreakerConfigurationProperties.class, RetryConfigurationProperties.class })
	static class AspectOrderChecksConfiguration {

		@Bean
		HardeningCheck resilienceAspectOrderCheck(CircuitBreakerConfigurationProperties circuitBreaker,
				RetryConfigurationProperties retry) {
			return new AspectOrderCheck(circuitBreaker, retry);
		}

	}

}
