package dev.hardenedboot.resilience.health;

import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakersHealthIndicatorAutoConfiguration;

import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Where the circuit breakers' health shows: in the health groups that name it (the deep
 * readiness group), never in the root {@code /actuator/health}.
 */
@AutoConfiguration(after = { CircuitBreakersHealthIndicatorAutoConfiguration.class,
		HealthEndpointAutoConfiguration.class })
@ConditionalOnClass({ HealthEndpointGroupsPostProcessor.class, CircuitBreakersHealthIndicatorAutoConfiguration.class })
@ConditionalOnProperty(prefix = "hardened.resilience", name = "enabled", matchIfMissing = true)
@ConditionalOnEnabledHealthIndicator("circuitbreakers")
public class BreakerHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RootHealthWithoutBreakers rootHealthWithoutBreakers() {
		return new RootHealthWithoutBreakers();
	}

}
