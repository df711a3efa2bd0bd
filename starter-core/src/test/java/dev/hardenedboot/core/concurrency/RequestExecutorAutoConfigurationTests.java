package dev.hardenedboot.core.concurrency;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;
import jakarta.servlet.http.HttpFilter;

import static org.assertj.core.api.Assertions.assertThat;

class RequestExecutorAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RequestExecutorAutoConfiguration.class));

	@Test
	void onByDefault() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			assertThat(context).hasSingleBean(RequestExecutor.class).hasSingleBean(RequestExecutorMetrics.class);
			assertThat(context.getBean(FilterRegistrationBean.class).getFilter()).isInstanceOf(RequestForkScopeFilter.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(RequestExecutorMetrics.class).bindTo(registry);
			assertThat(registry.get("hardened.request.forks.running").gauge().value()).isZero();
		});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.request.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RequestExecutor.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void backsOffToAUserExecutor() {
		this.runner.withUserConfiguration(UserExecutor.class).run((context) -> {
			assertThat(context).hasSingleBean(RequestExecutor.class);
			assertThat(context).getBean(RequestExecutor.class).isSameAs(UserExecutor.EXECUTOR);
		});
	}

	@Test
	void absentWithoutTheServletApi() {
		this.runner.withClassLoader(new FilteredClassLoader(HttpFilter.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RequestExecutor.class));
	}

	@Test
	void virtualThreadsOnlyWhenAskedForAndAvailable() {
		RequestExecutorProperties properties = new RequestExecutorProperties();
		MockEnvironment environment = new MockEnvironment();
		assertThat(RequestExecutorAutoConfiguration.useVirtualThreads(properties, environment)).isFalse();
		environment.setProperty("spring.threads.virtual.enabled", "true");
		boolean java21 = Runtime.version().feature() >= 21;
		assertThat(RequestExecutorAutoConfiguration.useVirtualThreads(properties, environment)).isEqualTo(java21);
		properties.setVirtualThreads(false);
		assertThat(RequestExecutorAutoConfiguration.useVirtualThreads(properties, environment)).isFalse();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserExecutor {

		static final RequestExecutor EXECUTOR = new RequestExecutor() {

			@Override
			public <T> Fork<T> fork(java.util.concurrent.Callable<T> task) {
				throw new UnsupportedOperationException();
			}

		};

		@Bean
		RequestExecutor myRequestExecutor() {
			return EXECUTOR;
		}

	}

}
