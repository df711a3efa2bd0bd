package dev.hardenedboot.core.errors;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorsAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ErrorsAutoConfiguration.class, JacksonAutoConfiguration.class,
					DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
					ErrorMvcAutoConfiguration.class));

	@Test
	void onByDefaultAndReplacesBootsErrorController() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(HardenedExceptionHandler.class)
				.hasSingleBean(ErrorCodeRegistry.class)
				.hasSingleBean(ProblemResponseWriter.class);
			assertThat(context).getBean(ErrorController.class).isInstanceOf(ProblemErrorController.class);
			assertThat(context).doesNotHaveBean(BasicErrorController.class);
		});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.errors.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(HardenedExceptionHandler.class);
			assertThat(context).getBean(ErrorController.class).isInstanceOf(BasicErrorController.class);
		});
	}

	@Test
	void backsOffToTheApplicationsHandlers() {
		this.runner.withUserConfiguration(UserHandlers.class).run((context) -> {
			assertThat(context).doesNotHaveBean(HardenedExceptionHandler.class);
			assertThat(context).getBean(ErrorController.class).isSameAs(UserHandlers.CONTROLLER);
		});
	}

	@Test
	void absentWithoutSpringMvc() {
		this.runner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ErrorCodeRegistry.class));
	}

	@Test
	void applicationCodesFromProvidersAreKnown() {
		this.runner
			.withBean(ErrorCodeProvider.class, () -> () -> java.util.List.of(ErrorCodeRegistryTests.TestCode.ORDER_LOCKED))
			.withPropertyValues("hardened.errors.exceptions[java.lang.IllegalStateException]=ORDER_LOCKED")
			.run((context) -> assertThat(context.getBean(ErrorCodeRegistry.class)
				.forException(new IllegalStateException())).contains(ErrorCodeRegistryTests.TestCode.ORDER_LOCKED));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserHandlers {

		static final ErrorController CONTROLLER = new ErrorController() {
		};

		@Bean
		ErrorController myErrorController() {
			return CONTROLLER;
		}

		@Bean
		ResponseEntityExceptionHandler myExceptionHandler() {
			return new ResponseEntityExceptionHandler() {
			};
		}

	}

}
