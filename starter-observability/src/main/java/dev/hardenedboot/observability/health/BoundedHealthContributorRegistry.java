package dev.hardenedboot.observability.health;

import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;

/**
 * Boot's registry, seen through bounds: what the health endpoint reads is the bounded form
 * of every contributor, whether it was a bean at start-up or registered later.
 */
final class BoundedHealthContributorRegistry extends BoundedNamedContributors implements HealthContributorRegistry {

	private final HealthContributorRegistry delegate;

	BoundedHealthContributorRegistry(HealthContributorRegistry delegate, HealthCheckExecutor executor) {
		super(delegate, executor);
		this.delegate = delegate;
	}

	@Override
	public void registerContributor(String name, HealthContributor contributor) {
		this.delegate.registerContributor(name, contributor);
	}

	@Override
	public HealthContributor unregisterContributor(String name) {
		forget(name);
		return this.delegate.unregisterContributor(name);
	}

}
