package dev.hardenedboot.resilience.retry;

import java.util.List;

import dev.hardenedboot.resilience.circuitbreaker.ResilienceDefaultsEnvironmentPostProcessor;
import io.github.resilience4j.common.CompositeCustomizer;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBudgetAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer((context) -> new ResilienceDefaultsEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
		.withConfiguration(AutoConfigurations.of(RetryBudgetAutoConfiguration.class, RetryAutoConfiguration.class));

	@Test
	void onByDefaultForEveryConfigResilience4jBuilds() {
		this.runner.withPropertyValues("resilience4j.retry.instances.configured.max-attempts=3",
				"resilience4j.retry.configs.shared.max-attempts=4")
			.run((context) -> {
				assertThat(context).hasSingleBean(RetryBudgets.class).hasSingleBean(RetryCallCounting.class);
				RetryRegistry registry = context.getBean(RetryRegistry.class);
				assertThat(RetryBudgets.drawsOn(registry.retry("configured"), "configured")).isTrue();
				assertThat(registry.retry("configured").getRetryConfig().getMaxAttempts()).isEqualTo(3);
				assertThat(RetryBudgets.drawsOn(registry.retry("on-shared", "shared"), "shared")).isTrue();
				assertThat(RetryBudgets.drawsOn(registry.retry("ad-hoc"), "default")).isTrue();
			});
	}

	@Test
	void aRemovedInstanceLeavesItsCallsInTheBudget() {
		this.runner.run((context) -> {
			RetryRegistry registry = context.getBean(RetryRegistry.class);
			Retry removed = registry.retry("removed");
			for (int i = 0; i < 10; i++) {
				removed.executeSupplier(() -> "ok");
			}
			registry.remove("removed");
			// The ten calls earned the shared budget a retry.
			assertThat(context.getBean(RetryBudgets.class).tryRetry("default")).isTrue();
		});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.resilience.retry.budget-enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(RetryBudgets.class);
			assertThat(RetryBudgets.drawsOn(context.getBean(RetryRegistry.class).retry("ad-hoc"), "default")).isFalse();
		});
	}

	@Test
	void offWithHardenedResilience() {
		this.runner.withPropertyValues("hardened.resilience.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RetryBudgets.class));
	}

	@Test
	void aBudgetRatioAboveOneStopsStartUp() {
		this.runner.withPropertyValues("hardened.resilience.retry.budget-ratio=1.5")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void anApplicationsConfigCustomizerStillApplies() {
		this.runner
			.withBean("maxFive", RetryConfigCustomizer.class,
					() -> RetryConfigCustomizer.of("customized", (builder) -> builder.maxAttempts(5)))
			.run((context) -> {
				Retry customized = context.getBean(RetryRegistry.class).retry("customized");
				assertThat(customized.getRetryConfig().getMaxAttempts()).isEqualTo(5);
				assertThat(RetryBudgets.drawsOn(customized, "customized")).isTrue();
			});
	}

	@Test
	void backsOffToAUserCompositeCustomizer() {
		CompositeCustomizer<RetryConfigCustomizer> own = new CompositeCustomizer<>(List.of());
		this.runner.withBean(RetryBudgetAutoConfiguration.COMPOSITE_CUSTOMIZER, CompositeCustomizer.class, () -> own)
			.run((context) -> {
				assertThat(context.getBean(RetryBudgetAutoConfiguration.COMPOSITE_CUSTOMIZER)).isSameAs(own);
				assertThat(RetryBudgets.drawsOn(context.getBean(RetryRegistry.class).retry("ad-hoc"), "default"))
					.isFalse();
			});
	}

	@Test
	void backsOffToUserBudgets() {
		RetryBudgets own = new RetryBudgets(new RetryBudgetProperties(), null);
		this.runner.withBean(RetryBudgets.class, () -> own)
			.run((context) -> assertThat(context).getBean(RetryBudgets.class).isSameAs(own));
	}

	@Test
	void absentWithoutResilience4j() {
		this.runner.withClassLoader(new FilteredClassLoader(RetryRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RetryBudgets.class));
	}

}
