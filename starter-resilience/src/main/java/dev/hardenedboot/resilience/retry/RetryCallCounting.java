package dev.hardenedboot.resilience.retry;

import io.github.resilience4j.core.registry.EntryAddedEvent;
import io.github.resilience4j.core.registry.EntryRemovedEvent;
import io.github.resilience4j.core.registry.EntryReplacedEvent;
import io.github.resilience4j.core.registry.RegistryEventConsumer;
import io.github.resilience4j.retry.Retry;

/**
 * Hands every retry instance of resilience4j's registry to the budget its config draws on, so
 * that the budget counts the instance's calls. resilience4j passes each
 * {@code RegistryEventConsumer<Retry>} bean to its registry when it creates it, so this one also
 * sees the instances created with the registry.
 */
class RetryCallCounting implements RegistryEventConsumer<Retry> {

	private final RetryBudgets budgets;

	RetryCallCounting(RetryBudgets budgets) {
		this.budgets = budgets;
	}

	@Override
	public void onEntryAddedEvent(EntryAddedEvent<Retry> event) {
		this.budgets.track(event.getAddedEntry());
	}

	@Override
	public void onEntryRemovedEvent(EntryRemovedEvent<Retry> event) {
		this.budgets.untrack(event.getRemovedEntry());
	}

	@Override
	public void onEntryReplacedEvent(EntryReplacedEvent<Retry> event) {
		this.budgets.untrack(event.getOldEntry());
		this.budgets.track(event.getNewEntry());
	}

}
