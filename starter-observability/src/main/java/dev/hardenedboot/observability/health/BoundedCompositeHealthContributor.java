package dev.hardenedboot.observability.health;

import org.springframework.boot.actuate.health.CompositeHealthContributor;

/**
 * A composite (several data sources under {@code db}, say) whose members are each bounded.
 */
final class BoundedCompositeHealthContributor extends BoundedNamedContributors implements CompositeHealthContributor {

	BoundedCompositeHealthContributor(CompositeHealthContributor delegate, HealthCheckExecutor executor) {
		super(delegate, executor);
	}

}
