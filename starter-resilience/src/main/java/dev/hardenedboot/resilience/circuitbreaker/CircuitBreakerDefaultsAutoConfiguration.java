package dev.hardenedboot.resilience.circuitbreaker;

import java.time.Clock;

import dev.hardenedboot.core.errors.ErrorsAutoConfiguration;
import dev.hardenedboot.core.errors.ProblemDetails;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * What an open breaker answers with: 503 {@code DEPENDENCY_UNAVAILABLE} with a
 * {@code Retry-After} of what is left of its open period. The breakers' defaults themselves
 * are resilience4j properties, contributed by {@link ResilienceDefaultsEnvironmentPostProcessor}.
 */
@AutoConfiguration(after = { CircuitBreakerAutoConfiguration.class, ErrorsAutoConfiguration.class })
@ConditionalOnClass(CircuitBreakerRegistry.class)
@ConditionalOnBean(CircuitBreakerRegistry.class)
@ConditionalOnProperty(prefix = "hardened.resilience", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ResilienceProperties.class)
public class CircuitBreakerDefaultsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OpenCircuitBreakers openCircuitBreakers(CircuitBreakerRegistry registry, ObjectProvider<Clock> clock) {
		return new OpenCircuitBreakers(registry, clock.getIfAvailable(Clock::systemUTC));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(DispatcherServlet.class)
	@ConditionalOnBean(ProblemDetails.class)
	static class DependencyUnavailableConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DependencyUnavailableExceptionHandler dependencyUnavailableExceptionHandler(ProblemDetails problems,
				OpenCircuitBreakers openBreakers) {
			return new DependencyUnavailableExceptionHandler(problems, openBreakers);
		}

	}

}
