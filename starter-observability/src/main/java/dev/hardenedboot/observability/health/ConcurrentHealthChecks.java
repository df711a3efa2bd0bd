package dev.hardenedboot.observability.health;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.actuate.health.AdditionalHealthEndpointPath;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.NamedContributors;
import org.springframework.lang.Nullable;

/**
 * Starts the checks of every member of a group as soon as a probe names the group, so they
 * run side by side. Boot then reads the members one after another, but each read only waits
 * for a check that is already running: a probe takes as long as its slowest member, bounded
 * by the time limit, not the sum of them.
 */
class ConcurrentHealthChecks implements HealthEndpointGroupsPostProcessor, SmartInitializingSingleton {

	private final ObjectProvider<HealthContributorRegistry> registryProvider;

	@Nullable
	private volatile NamedContributors<HealthContributor> registry;

	ConcurrentHealthChecks(ObjectProvider<HealthContributorRegistry> registryProvider) {
		this.registryProvider = registryProvider;
	}

	@Override
	public void afterSingletonsInstantiated() {
		// Not earlier: the registry is built from the groups this class decorates.
		this.registry = this.registryProvider.getIfUnique();
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		return new StartingGroups(groups);
	}

	void start(@Nullable HealthEndpointGroup group) {
		NamedContributors<HealthContributor> contributors = this.registry;
		if (group != null && contributors != null) {
			for (NamedContributor<HealthContributor> named : contributors) {
				if (group.isMember(named.getName())) {
					start(named.getContributor());
				}
			}
		}
	}

	private void start(HealthContributor contributor) {
		if (contributor instanceof BoundedHealthIndicator indicator) {
			indicator.start();
		}
		else if (contributor instanceof BoundedCompositeHealthContributor composite) {
			composite.forEach((member) -> start(member.getContributor()));
		}
	}

	private final class StartingGroups implements HealthEndpointGroups {

		private final HealthEndpointGroups delegate;

		StartingGroups(HealthEndpointGroups delegate) {
			this.delegate = delegate;
		}

		/**
		 * Starts nothing: Boot asks for the primary group on every probe, to compare it with
		 * the probed group. A probe of the whole {@code /actuator/health} reads its members
		 * one after another, each still bounded.
		 */
		@Override
		public HealthEndpointGroup getPrimary() {
			return this.delegate.getPrimary();
		}

		@Override
		public Set<String> getNames() {
			return this.delegate.getNames();
		}

		@Override
		@Nullable
		public HealthEndpointGroup get(String name) {
			HealthEndpointGroup group = this.delegate.get(name);
			start(group);
			return group;
		}

		@Override
		@Nullable
		public HealthEndpointGroup get(AdditionalHealthEndpointPath path) {
			HealthEndpointGroup group = this.delegate.get(path);
			start(group);
			return group;
		}

		@Override
		public Set<HealthEndpointGroup> getAllWithAdditionalPath(WebServerNamespace namespace) {
			return this.delegate.getAllWithAdditionalPath(namespace);
		}

	}

}
