package dev.hardenedboot.resilience.retry;

import dev.hardenedboot.resilience.annotation.ResilienceAnnotations;
import io.github.resilience4j.common.CompositeCustomizer;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A retry budget for every resilience4j retry: retries never exceed
 * {@code hardened.resilience.retry.budget-ratio} of an instance's calls, plus a small allowance
 * per second. It takes its place through resilience4j's own extension points, before
 * resilience4j's retry configuration: the composite of config customizers (which resilience4j
 * backs off from when a bean of that name exists) and a registry event consumer.
 */
@AutoConfiguration(before = RetryAutoConfiguration.class)
@ConditionalOnClass({ RetryRegistry.class, CompositeCustomizer.class, RetryAutoConfiguration.class })
@ConditionalOnProperty(prefix = "hardened.resilience", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardened.resilience.retry", name = "budget-enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetryBudgetProperties.class)
public class RetryBudgetAutoConfiguration {

	/** The name resilience4j gives, and looks for, its composite of retry config customizers. */
	static final String COMPOSITE_CUSTOMIZER = "compositeRetryCustomizer";

	@Bean
	@ConditionalOnMissingBean
	RetryBudgets retryBudgets(RetryBudgetProperties properties, ObjectProvider<MeterRegistry> meters) {
		return new RetryBudgets(properties, meters.getIfUnique());
	}

	@Bean(COMPOSITE_CUSTOMIZER)
	@Qualifier(COMPOSITE_CUSTOMIZER)
	@ConditionalOnMissingBean(name = COMPOSITE_CUSTOMIZER)
	CompositeCustomizer<RetryConfigCustomizer> compositeRetryCustomizer(
			ObjectProvider<RetryConfigCustomizer> customizers, RetryBudgets budgets) {
		return new BudgetingRetryCustomizers(customizers.orderedStream().toList(), budgets);
	}

	@Bean
	RetryCallCounting retryCallCounting(RetryBudgets budgets) {
		return new RetryCallCounting(budgets);
	}

	@Bean
	AnnotatedRetryBudgets annotatedRetryBudgets(ObjectProvider<RetryRegistry> registry, RetryBudgets budgets,
			ObjectProvider<ResilienceAnnotations> annotations, Environment environment) {
		return new AnnotatedRetryBudgets(registry, budgets, annotations, environment);
	}

}
