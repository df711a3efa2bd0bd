package dev.hardenedboot.core.security;

import java.util.EnumSet;

import dev.hardenedboot.core.errors.ProblemResponseCustomizer;
import dev.hardenedboot.core.web.HardenedFilterOrder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Security headers on every response, errors included, without requiring Spring Security.
 * When Spring Security's header writer is on the class path, the headers it manages
 * (nosniff, frame options, HSTS) are left to it.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HttpFilter.class)
@ConditionalOnProperty(prefix = "hardened.security.headers", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SecurityHeadersProperties.class)
public class SecurityHeadersAutoConfiguration {

	static final String SPRING_SECURITY_HEADER_WRITER = "org.springframework.security.web.header.HeaderWriterFilter";

	private final SecurityHeadersFilter filter;

	SecurityHeadersAutoConfiguration(SecurityHeadersProperties properties) {
		boolean springSecurity = ClassUtils.isPresent(SPRING_SECURITY_HEADER_WRITER, getClass().getClassLoader());
		this.filter = new SecurityHeadersFilter(properties, springSecurity);
	}

	@Bean
	@ConditionalOnMissingFilterBean(SecurityHeadersFilter.class)
	FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
		FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(this.filter);
		registration.setOrder(HardenedFilterOrder.SECURITY_HEADERS);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
		return registration;
	}

	/**
	 * Problems that filters ahead of this one write themselves (the deadline's 400 and 504,
	 * load shedding's 503) carry the same headers.
	 */
	@Bean
	ProblemResponseCustomizer securityHeadersProblemResponseCustomizer() {
		return this.filter::applyToProblem;
	}

}
