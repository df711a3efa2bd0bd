package dev.hardenedboot.core.security;

import java.util.List;

import jakarta.servlet.http.HttpFilter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecurityHeadersAutoConfiguration.class));

	@Test
	void onByDefault() {
		this.runner.run((context) -> assertThat(context.getBean(FilterRegistrationBean.class).getFilter())
			.isInstanceOf(SecurityHeadersFilter.class));
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.security.headers.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void backsOffToAUserFilter() {
		this.runner.withUserConfiguration(UserFilter.class)
			.run((context) -> assertThat(context.getBean(FilterRegistrationBean.class).getOrder()).isEqualTo(5));
	}

	@Test
	void absentWithoutTheServletApi() {
		this.runner.withClassLoader(new FilteredClassLoader(HttpFilter.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SecurityHeadersProperties.class));
	}

	@Test
	void eachHeaderCanBeChangedOrSwitchedOff() throws Exception {
		SecurityHeadersProperties properties = new SecurityHeadersProperties();
		properties.setFrameOptions("SAMEORIGIN");
		properties.setPermissionsPolicy("");
		MockHttpServletResponse response = filter(properties, false);
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("SAMEORIGIN");
		assertThat(response.getHeader("Permissions-Policy")).isNull();
		assertThat(response.getHeader("Content-Security-Policy")).isNotNull();
	}

	@Test
	void headersSpringSecurityWritesAreLeftToIt() throws Exception {
		MockHttpServletResponse response = filter(new SecurityHeadersProperties(), true);
		assertThat(response.getHeaderNames()).doesNotContain("X-Frame-Options", "X-Content-Type-Options",
				"Strict-Transport-Security");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
	}

	private static MockHttpServletResponse filter(SecurityHeadersProperties properties, boolean springSecurity)
			throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setSecure(true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		new SecurityHeadersFilter(properties, springSecurity).doFilter(request, response,
				new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
				}, List.of().toArray(new jakarta.servlet.Filter[0])) {
					@Override
					public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res)
							throws java.io.IOException {
						res.setContentType("application/json");
						res.getOutputStream().write('1');
					}
				});
		return response;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilter {

		@Bean
		FilterRegistrationBean<SecurityHeadersFilter> mySecurityHeaders() {
			FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(
					new SecurityHeadersFilter(new SecurityHeadersProperties(), false));
			registration.setOrder(5);
			return registration;
		}

	}

}
