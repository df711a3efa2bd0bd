package dev.hardenedboot.resilience.retry;

import java.util.List;
import java.util.Optional;

import io.github.resilience4j.common.CompositeCustomizer;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.retry.RetryConfig;

/**
 * resilience4j's composite of the application's {@link RetryConfigCustomizer} beans, which it
 * asks for a customizer for every config it builds from properties: the shared configs
 * ({@code default} and the others under {@code configs}) and each instance under
 * {@code instances}. For every one of them this composite runs the application's customizer of
 * that name, if any, then puts the result's backoff behind a retry budget of that name. So an
 * instance configured in properties has a budget of its own, and an instance built later on a
 * shared config (an ad-hoc {@code registry.retry("x")}) shares that config's budget.
 *
 * <p>Everything the application configured stays as configured, field by field; only the wait
 * before a retry now asks the budget first.
 */
class BudgetingRetryCustomizers extends CompositeCustomizer<RetryConfigCustomizer> {

	private final RetryBudgets budgets;

	BudgetingRetryCustomizers(List<RetryConfigCustomizer> customizers, RetryBudgets budgets) {
		super(customizers);
		this.budgets = budgets;
	}

	@Override
	public Optional<RetryConfigCustomizer> getCustomizer(String name) {
		Optional<RetryConfigCustomizer> own = super.getCustomizer(name);
		return Optional.of(RetryConfigCustomizer.of(name, (builder) -> {
			own.ifPresent((customizer) -> customizer.customize(builder));
			budget(name, builder);
		}));
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private void budget(String name, RetryConfig.Builder builder) {
		// The builder tells nothing; building it is free of side effects and shows the backoff.
		RetryConfig built = builder.build();
		builder.intervalBiFunction(this.budgets.budgeted(name, built.getIntervalBiFunction()));
	}

}
