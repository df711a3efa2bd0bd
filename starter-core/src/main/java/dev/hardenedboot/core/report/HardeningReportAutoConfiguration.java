package dev.hardenedboot.core.report;

import java.time.Clock;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * The hardening report: the checks every starter contributes as {@link HardeningCheck} beans,
 * run at start-up and served at {@code /actuator/hardening}, and core's own checks (timeouts,
 * executors, exposure, shutdown, time zone, key files, HTTP clients). Core's checks are there
 * even when the concern they look at is switched off: that is when they matter.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "hardened.report", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ReportProperties.class)
public class HardeningReportAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HardeningReporter hardeningReporter(ObjectProvider<HardeningCheck> checks, ObjectProvider<Clock> clock) {
		return new HardeningReporter(checks, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	HardeningReportOnStartup hardeningReportOnStartup(HardeningReporter reporter, ReportProperties properties) {
		return new HardeningReportOnStartup(reporter, properties);
	}

	@Bean
	HardeningCheck timeoutNestingCheck(Environment environment) {
		return new TimeoutNestingCheck(environment);
	}

	@Bean
	HardeningCheck exposureCheck(Environment environment) {
		return new ExposureCheck(environment);
	}

	@Bean
	HardeningCheck shutdownCheck(Environment environment) {
		return new ShutdownCheck(environment);
	}

	@Bean
	HardeningCheck timeZoneCheck() {
		return new TimeZoneCheck();
	}

	@Bean
	HardeningCheck keyFilePermissionsCheck(ConfigurableEnvironment environment) {
		return new KeyFilePermissionsCheck(environment);
	}

	@Bean
	HardeningCheck executorQueueCheck(ListableBeanFactory beans) {
		return new ExecutorQueueCheck(beans);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class HttpClientsConfiguration {

		@Bean
		HardeningCheck httpClientTimeoutsCheck(ListableBeanFactory beans) {
			return new HttpClientTimeoutsCheck(beans);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnAvailableEndpoint(HardeningEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HardeningEndpoint hardeningEndpoint(HardeningReporter reporter) {
			return new HardeningEndpoint(reporter);
		}

	}

}
