package dev.hardenedboot.core.requestid;

import java.util.EnumSet;

import dev.hardenedboot.core.context.CurrentRequestContext;
import dev.hardenedboot.core.web.HardenedFilterOrder;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import jakarta.servlet.http.HttpFilter;

/**
 * Request ids for servlet applications: {@link RequestIdFilter} first in the filter chain,
 * for every dispatch type, and the injectable {@link CurrentRequestContext}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HttpFilter.class)
@ConditionalOnProperty(prefix = "hardened.request", name = "enabled", matchIfMissing = true)
public class RequestIdAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RequestIdGenerator requestIdGenerator() {
		return new RandomRequestIdGenerator();
	}

	@Bean
	@ConditionalOnMissingBean
	CurrentRequestContext currentRequestContext() {
		return new CurrentRequestContext();
	}

	@Bean
	@ConditionalOnMissingFilterBean(RequestIdFilter.class)
	FilterRegistrationBean<RequestIdFilter> requestIdFilter(RequestIdGenerator generator) {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(
				new RequestIdFilter(generator));
		registration.setOrder(HardenedFilterOrder.REQUEST_ID);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
		return registration;
	}

}
