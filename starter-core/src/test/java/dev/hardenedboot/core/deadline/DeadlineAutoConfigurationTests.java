package dev.hardenedboot.core.deadline;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.hardenedboot.core.config.ConfigReloadedEvent;
import dev.hardenedboot.core.errors.ProblemDetails;
import dev.hardenedboot.core.errors.ProblemResponseWriter;
import dev.hardenedboot.core.requestid.RequestIdAutoConfiguration;
import dev.hardenedboot.core.web.HardenedFilterOrder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(RequestIdAutoConfiguration.class, DeadlineAutoConfiguration.class));

	@Test
	void onByDefaultRightAfterTheObservationFilter() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(LateResponseAdvice.class).hasSingleBean(RequestProperties.class);
			assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
				.anySatisfy((registration) -> {
					assertThat(registration.getFilter()).isInstanceOf(DeadlineFilter.class);
					assertThat(registration.getOrder()).isEqualTo(HardenedFilterOrder.DEADLINE)
						.isGreaterThan(HardenedFilterOrder.OBSERVATION);
				});
			RequestProperties properties = context.getBean(RequestProperties.class);
			assertThat(properties.getTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getMaxTimeout()).isEqualTo(Duration.ofSeconds(60));
		});
	}

	@Test
	void reloadedTimeoutAppliesToTheNextRequest() {
		this.runner.run((context) -> {
			DeadlineFilter filter = context.getBeansOfType(FilterRegistrationBean.class)
				.values()
				.stream()
				.map(FilterRegistrationBean::getFilter)
				.filter(DeadlineFilter.class::isInstance)
				.map(DeadlineFilter.class::cast)
				.findFirst()
				.orElseThrow();
			RequestProperties properties = context.getBean(RequestProperties.class);
			properties.setTimeout(Duration.ofSeconds(1));
			context.publishEvent(
					new ConfigReloadedEvent(this, Set.of("hardened.logging.sampling.info.root"), List.of()));
			assertThat(budget(filter)).as("not a hardened.request change").isEqualTo(Duration.ofSeconds(30));
			context.publishEvent(new ConfigReloadedEvent(this, Set.of("hardened.request.timeout"), List.of()));
			assertThat(budget(filter)).isEqualTo(Duration.ofSeconds(1));
		});
	}

	private static Duration budget(DeadlineFilter filter) {
		return filter.getPolicy().budgetFor(new MockHttpServletRequest("GET", "/orders")).duration();
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.request.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RequestProperties.class)
				.doesNotHaveBean(LateResponseAdvice.class));
	}

	@Test
	void backsOffToAUserFilterAndRecorder() {
		this.runner.withUserConfiguration(UserBeans.class).withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
					.noneSatisfy((registration) -> assertThat(registration.getOrder()).isEqualTo(HardenedFilterOrder.DEADLINE));
				assertThat(context).getBean(RequestTimeoutRecorder.class).isSameAs(UserBeans.RECORDER);
			});
	}

	@Test
	void countsTimeoutsWithMicrometer() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).getBean(RequestTimeoutRecorder.class)
				.isInstanceOf(MicrometerRequestTimeoutRecorder.class));
	}

	@Test
	void noCounterWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(RequestProperties.class)
				.doesNotHaveBean(RequestTimeoutRecorder.class));
	}

	@Test
	void absentWithoutSpringMvc() {
		this.runner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RequestProperties.class));
	}

	@Test
	void timeoutLongerThanMaxTimeoutFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("hardened.request.timeout=90s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("hardened.request");
		});
	}

	@Test
	void invalidRoutePatternFailsStartUp() {
		this.runner.withPropertyValues("hardened.request.routes[0].path=/a/**/b/**", "hardened.request.routes[0].timeout=1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("hardened.request.routes[0].path is '/a/**/b/**'"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final RequestTimeoutRecorder RECORDER = (route, cause) -> {
		};

		@Bean
		FilterRegistrationBean<DeadlineFilter> myDeadlineFilter() {
			FilterRegistrationBean<DeadlineFilter> registration = new FilterRegistrationBean<>(
					new DeadlineFilter(new DeadlinePolicy(new RequestProperties()), new ProblemDetails(null),
							new ProblemResponseWriter(new com.fasterxml.jackson.databind.ObjectMapper()), RECORDER));
			registration.setOrder(7);
			return registration;
		}

		@Bean
		RequestTimeoutRecorder myRecorder() {
			return RECORDER;
		}

	}

}
