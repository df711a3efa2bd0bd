package dev.hardenedboot.observability.health;

import java.util.EnumSet;

import dev.hardenedboot.core.web.HardenedFilterOrder;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Layered health: the process indicators of liveness, a time limit, single flight and a
 * short cache around every indicator, checks of a group run side by side, and
 * {@code /health/live}, {@code /health/ready} and {@code /health/ready?deep=true} on the main
 * port, and the probe groups' status as a metric. The groups themselves are property
 * defaults ({@link HealthGroupsEnvironmentPostProcessor}).
 */
@AutoConfiguration(before = { HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class },
		after = AvailabilityProbesAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnProperty(prefix = "hardened.health", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(HealthProperties.class)
public class HealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HealthCheckExecutor healthCheckExecutor(HealthProperties properties) {
		return new HealthCheckExecutor(properties);
	}

	@Bean
	static BoundedHealthContributorRegistryPostProcessor boundedHealthContributorRegistryPostProcessor(
			ObjectProvider<HealthCheckExecutor> executor) {
		return new BoundedHealthContributorRegistryPostProcessor(executor);
	}

	@Bean
	@ConditionalOnMissingBean
	ConcurrentHealthChecks concurrentHealthChecks(ObjectProvider<HealthContributorRegistry> registry) {
		return new ConcurrentHealthChecks(registry);
	}

	@Bean
	@ConditionalOnMissingBean(name = "deadlocksHealthIndicator")
	@ConditionalOnEnabledHealthIndicator("deadlocks")
	DeadlockHealthIndicator deadlocksHealthIndicator() {
		return new DeadlockHealthIndicator();
	}

	@Bean
	@ConditionalOnMissingBean(name = "gcOverheadHealthIndicator")
	@ConditionalOnEnabledHealthIndicator("gcoverhead")
	GcOverheadHealthIndicator gcOverheadHealthIndicator(HealthProperties properties) {
		return new GcOverheadHealthIndicator(properties.getGc().getWindow(), properties.getGc().getMaxOverhead());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class HealthStatusMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "healthStatusMetrics")
		HealthStatusMetrics healthStatusMetrics(ObjectProvider<HealthEndpoint> endpoint,
				ObjectProvider<HealthEndpointGroups> groups) {
			return new HealthStatusMetrics(endpoint, groups);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(OncePerRequestFilter.class)
	static class HealthProbePathsConfiguration {

		@Bean
		@ConditionalOnMissingFilterBean(HealthProbePathsFilter.class)
		FilterRegistrationBean<HealthProbePathsFilter> healthProbePathsFilter() {
			FilterRegistrationBean<HealthProbePathsFilter> registration = new FilterRegistrationBean<>(
					new HealthProbePathsFilter());
			// After the request id, tracing and security headers; before load shedding, which
			// must not shed the load balancer's own probes.
			registration.setOrder(HardenedFilterOrder.LOAD_SHEDDING - 1);
			registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
			return registration;
		}

	}

}
