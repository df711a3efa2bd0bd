package dev.hardenedboot.observability.health;

import org.springframework.boot.actuate.health.HealthContributor;

/**
 * Sees through the bounds the starter puts around every health indicator, for code that
 * asks what an indicator is rather than what it says (the hardening report's probe checks).
 */
public final class BoundedHealthContributors {

	private BoundedHealthContributors() {
	}

	/**
	 * The indicator a bounded one runs.
	 * @param contributor a contributor read from the health contributor registry
	 * @return the contributor it bounds, or the contributor itself when it is not bounded
	 */
	public static HealthContributor unwrap(HealthContributor contributor) {
		return (contributor instanceof BoundedHealthIndicator bounded) ? bounded.getDelegate() : contributor;
	}

}
