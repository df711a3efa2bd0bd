package dev.hardenedboot.resilience.retry;

import dev.hardenedboot.resilience.annotation.ResilienceAnnotationsAutoConfiguration;
import dev.hardenedboot.resilience.circuitbreaker.ResilienceDefaultsEnvironmentPostProcessor;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.retry.annotation.Retry;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import jakarta.annotation.PostConstruct;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every retry instance a {@code @Retry} annotation names gets a budget of its own at start-up.
 */
class AnnotatedRetryBudgetsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer((context) -> new ResilienceDefaultsEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class,
				ResilienceAnnotationsAutoConfiguration.class, RetryBudgetAutoConfiguration.class,
				RetryAutoConfiguration.class))
		.withPropertyValues("resilience4j.retry.configs.shared.max-attempts=4", "names.pricing=pricing")
		.withUserConfiguration(Beans.class);

	@Test
	void eachNamedInstanceHasABudgetOfItsOwnOnTheConfigResilience4jWouldUse() {
		this.runner.run((context) -> {
			RetryRegistry registry = context.getBean(RetryRegistry.class);
			assertThat(RetryBudgets.drawsOn(registry.retry("plain"), "plain")).isTrue();
			assertThat(RetryBudgets.drawsOn(registry.retry("pricing"), "pricing")).isTrue();
			io.github.resilience4j.retry.Retry onShared = registry.retry("on-shared");
			assertThat(RetryBudgets.drawsOn(onShared, "on-shared")).isTrue();
			assertThat(onShared.getRetryConfig().getMaxAttempts()).isEqualTo(4);
		});
	}

	@Test
	void anInstanceACallCreatedDuringStartUpIsGivenItsOwnBudget() {
		this.runner.run((context) -> {
			assertThat(context.getBean(Beans.Early.class).calledAtStartUp).isTrue();
			assertThat(RetryBudgets.drawsOn(context.getBean(RetryRegistry.class).retry("early"), "early")).isTrue();
		});
	}

	@Test
	void aNameKnownOnlyPerCallIsLeftToRunTime() {
		this.runner.run((context) -> assertThat(context.getBean(RetryRegistry.class).getAllRetries())
			.noneMatch((retry) -> retry.getName().contains("#")));
	}

	@Configuration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		Annotated annotated() {
			return new Annotated();
		}

		@Bean
		Early early(Annotated annotated) {
			return new Early(annotated);
		}

		static class Annotated {

			@Retry(name = "plain")
			public String plain() {
				return "plain";
			}

			@Retry(name = "${names.pricing}")
			public String pricing() {
				return "pricing";
			}

			@Retry(name = "on-shared", configuration = "shared")
			public String onShared() {
				return "shared";
			}

			@Retry(name = "early")
			public String early() {
				return "early";
			}

			@Retry(name = "#root.args[0]")
			public String perCall(String name) {
				return name;
			}

		}

		/** Calls a retried method while the context is still starting. */
		static class Early {

			private final Annotated annotated;

			boolean calledAtStartUp;

			Early(Annotated annotated) {
				this.annotated = annotated;
			}

			@PostConstruct
			void callAtStartUp() {
				this.calledAtStartUp = "early".equals(this.annotated.early());
			}

		}

	}

}
