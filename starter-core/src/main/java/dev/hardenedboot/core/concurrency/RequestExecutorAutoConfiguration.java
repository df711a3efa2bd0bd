package dev.hardenedboot.core.concurrency;

import java.util.EnumSet;

import dev.hardenedboot.core.deadline.DeadlineAutoConfiguration;
import dev.hardenedboot.core.web.HardenedFilterOrder;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.system.JavaVersion;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import jakarta.servlet.http.HttpFilter;

/**
 * The request-scoped {@link RequestExecutor} and the filter that ends its forks with their
 * request.
 */
@AutoConfiguration(after = DeadlineAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HttpFilter.class)
@ConditionalOnProperty(prefix = "hardened.request", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(RequestExecutorProperties.class)
public class RequestExecutorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(RequestExecutor.class)
	DefaultRequestExecutor requestExecutor(RequestExecutorProperties properties, Environment environment) {
		return new DefaultRequestExecutor(properties, useVirtualThreads(properties, environment));
	}

	static boolean useVirtualThreads(RequestExecutorProperties properties, Environment environment) {
		Boolean configured = properties.getVirtualThreads();
		boolean wanted = (configured != null) ? configured
				: environment.getProperty("spring.threads.virtual.enabled", Boolean.class, false);
		return wanted && JavaVersion.getJavaVersion().isEqualOrNewerThan(JavaVersion.TWENTY_ONE);
	}

	@Bean
	@ConditionalOnMissingFilterBean(RequestForkScopeFilter.class)
	FilterRegistrationBean<RequestForkScopeFilter> requestForkScopeFilter() {
		FilterRegistrationBean<RequestForkScopeFilter> registration = new FilterRegistrationBean<>(
				new RequestForkScopeFilter());
		registration.setOrder(HardenedFilterOrder.REQUEST_EXECUTOR);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class RequestExecutorMetricsConfiguration {

		@Bean
		RequestExecutorMetrics requestExecutorMetrics(RequestExecutor executor) {
			return new RequestExecutorMetrics(executor);
		}

	}

}
