package dev.hardenedboot.data.query;

import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedQueryAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RepeatedQueryAutoConfiguration.class));

	@Test
	void onByDefaultWithTheRequestFilter() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RepeatedQueryListener.class).hasBean("repeatedQueryFilter");
			assertThat(context.getBean("repeatedQueryFilter", FilterRegistrationBean.class).getFilter())
				.isInstanceOf(RepeatedQueryFilter.class);
		});
	}

	@Test
	void listenerOnlyOutsideAWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RepeatedQueryAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(RepeatedQueryListener.class)
				.doesNotHaveBean("repeatedQueryFilter"));
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.data.repeated-query.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RepeatedQueryListener.class)
				.doesNotHaveBean("repeatedQueryFilter"));
	}

	@Test
	void backsOffToTheApplicationsListener() {
		this.runner.withUserConfiguration(UserListener.class)
			.run((context) -> assertThat(context).hasSingleBean(RepeatedQueryListener.class).hasBean("myListener"));
	}

	@Test
	void absentWithoutDatasourceProxy() {
		this.runner.withClassLoader(new FilteredClassLoader(QueryExecutionListener.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RepeatedQueryListener.class));
	}

	@Test
	void thresholdMustBePositive() {
		this.runner.withPropertyValues("hardened.data.repeated-query.threshold=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	static class UserListener {

		@Bean
		RepeatedQueryListener myListener() {
			return new RepeatedQueryListener(new RepeatedQueryProperties());
		}

	}

}
