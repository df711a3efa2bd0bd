package dev.hardenedboot.resilience.shedding;

import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import dev.hardenedboot.core.web.HardenedFilterOrder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LoadSheddingAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LoadSheddingAutoConfiguration.class));

	@Test
	void onByDefaultAtTheLoadSheddingPosition() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PathGroupLimiters.class).hasSingleBean(LoadSheddingMetrics.class);
			FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(LoadSheddingFilter.class);
			assertThat(registration.getOrder()).isEqualTo(HardenedFilterOrder.LOAD_SHEDDING);
		});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.resilience.load-shedding.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PathGroupLimiters.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void backsOffToUserLimiters() {
		this.runner.withUserConfiguration(UserLimiters.class)
			.run((context) -> assertThat(context).getBean(PathGroupLimiters.class).isSameAs(UserLimiters.LIMITERS));
	}

	@Test
	void absentWithoutConcurrencyLimits() {
		this.runner.withClassLoader(new FilteredClassLoader(SimpleLimiter.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PathGroupLimiters.class));
	}

	@Test
	void absentOutsideAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LoadSheddingAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PathGroupLimiters.class));
	}

	@Test
	void aLimitBelowOneStopsStartUp() {
		this.runner.withPropertyValues("hardened.resilience.load-shedding.initial-limit=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	static class UserLimiters {

		static final PathGroupLimiters LIMITERS = new PathGroupLimiters(new LoadSheddingProperties());

		@Bean
		PathGroupLimiters myLimiters() {
			return LIMITERS;
		}

	}

}
