package dev.hardenedboot.data.query;

import dev.hardenedboot.core.web.HardenedFilterOrder;
import io.micrometer.core.instrument.MeterRegistry;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Per-request counting of statements by shape, to find N+1 patterns where they happen.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(QueryExecutionListener.class)
@ConditionalOnProperty(prefix = "hardened.data.repeated-query", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(RepeatedQueryProperties.class)
public class RepeatedQueryAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RepeatedQueryListener repeatedQueryListener(RepeatedQueryProperties properties) {
		return new RepeatedQueryListener(properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ FilterRegistrationBean.class, MeterRegistry.class })
	static class RequestLedgerConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "repeatedQueryFilter")
		FilterRegistrationBean<RepeatedQueryFilter> repeatedQueryFilter(RepeatedQueryProperties properties,
				ObjectProvider<MeterRegistry> meters) {
			FilterRegistrationBean<RepeatedQueryFilter> registration = new FilterRegistrationBean<>(
					new RepeatedQueryFilter(properties, meters.getIfAvailable()));
			// Inside the deadline and request-context filters, so the route is known as it ends.
			registration.setOrder(HardenedFilterOrder.REQUEST_EXECUTOR + 1);
			return registration;
		}

	}

}
