package dev.hardenedboot.resilience.retry;

import dev.hardenedboot.resilience.annotation.ResilienceAnnotations;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;

/**
 * Gives the retry instance of every {@code @Retry} method a budget of its own. resilience4j
 * builds an instance that only an annotation names on a shared config (by default
 * {@code default}), whose budget every such instance would share: a busy, healthy caller
 * would then pay for the retries of a failing one, and those retries would no longer be a
 * share of their own dependency's calls. So, once every singleton has been checked, each
 * named instance is created ahead of its first call, on the config resilience4j would use,
 * with a budget of its own; one already created by a call during start-up is replaced.
 *
 * <p>Names given as SpEL expressions are only known per call: those instances share the
 * budget of their config.
 */
class AnnotatedRetryBudgets implements SmartInitializingSingleton {

	private final ObjectProvider<RetryRegistry> registry;

	private final RetryBudgets budgets;

	private final ObjectProvider<ResilienceAnnotations> annotations;

	private final Environment environment;

	AnnotatedRetryBudgets(ObjectProvider<RetryRegistry> registry, RetryBudgets budgets,
			ObjectProvider<ResilienceAnnotations> annotations, Environment environment) {
		this.registry = registry;
		this.budgets = budgets;
		this.annotations = annotations;
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		RetryRegistry registry = this.registry.getIfAvailable();
		ResilienceAnnotations found = this.annotations.getIfAvailable();
		if (registry == null || found == null) {
			return;
		}
		found.retryInstances().forEach((name, configuration) -> {
			if (!name.contains("#") && !configuration.contains("#")) {
				giveOwnBudget(registry, this.environment.resolvePlaceholders(name),
						this.environment.resolvePlaceholders(configuration));
			}
		});
	}

	private void giveOwnBudget(RetryRegistry registry, String name, String configuration) {
		Retry existing = registry.find(name).orElse(null);
		if (existing == null) {
			RetryConfig config = registry.getConfiguration(configuration).orElseGet(registry::getDefaultConfig);
			registry.retry(name, this.budgets.withOwnBudget(name, config));
		}
		else if (!RetryBudgets.drawsOn(existing, name)) {
			registry.replace(name,
					Retry.of(name, this.budgets.withOwnBudget(name, existing.getRetryConfig()), existing.getTags()));
		}
	}

}
