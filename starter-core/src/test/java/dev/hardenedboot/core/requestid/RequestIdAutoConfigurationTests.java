package dev.hardenedboot.core.requestid;

import dev.hardenedboot.core.context.CurrentRequestContext;
import dev.hardenedboot.core.web.HardenedFilterOrder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import jakarta.servlet.http.HttpFilter;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RequestIdAutoConfiguration.class));

	@Test
	void onByDefaultAndFirstInTheChain() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RequestIdGenerator.class).hasSingleBean(CurrentRequestContext.class);
			FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(RequestIdFilter.class);
			assertThat(registration.getOrder()).isEqualTo(HardenedFilterOrder.REQUEST_ID);
		});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.request.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class)
				.doesNotHaveBean(RequestIdGenerator.class));
	}

	@Test
	void backsOffToAUserGenerator() {
		this.runner.withUserConfiguration(UserGenerator.class).run((context) -> {
			assertThat(context).hasSingleBean(RequestIdGenerator.class);
			assertThat(context.getBean(RequestIdGenerator.class).generate()).isEqualTo("mine");
		});
	}

	@Test
	void backsOffToAUserFilter() {
		this.runner.withUserConfiguration(UserFilter.class).run((context) -> {
			assertThat(context).hasSingleBean(FilterRegistrationBean.class);
			assertThat(context.getBean(FilterRegistrationBean.class).getOrder()).isEqualTo(42);
		});
	}

	@Test
	void absentWithoutTheServletApi() {
		this.runner.withClassLoader(new FilteredClassLoader(HttpFilter.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RequestIdGenerator.class));
	}

	@Test
	void absentOutsideWebApplications() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RequestIdAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RequestIdGenerator.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserGenerator {

		@Bean
		RequestIdGenerator myGenerator() {
			return () -> "mine";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilter {

		@Bean
		FilterRegistrationBean<RequestIdFilter> myRequestIdFilter() {
			FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(
					new RequestIdFilter(() -> "x"));
			registration.setOrder(42);
			return registration;
		}

	}

}
