package dev.hardenedboot.resilience.health;

import java.util.List;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.actuate.health.AdditionalHealthEndpointPath;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.lang.Nullable;

/**
 * Leaves the circuit breakers' health out of the root health endpoint ({@code /actuator/health}),
 * which Boot makes of every contributor and which many load balancers and probes still call.
 * An open breaker is this service handling a failing dependency; were it part of the root, one
 * dependency's outage would take every instance out of rotation at once. The breakers stay in
 * the groups that name them: the deep readiness group, where an open breaker is DOWN.
 *
 * <p>Boot offers no property for the root's members; a post-processor of the groups is its
 * extension point for changing them, the one its own availability probes use.
 */
class RootHealthWithoutBreakers implements HealthEndpointGroupsPostProcessor {

	/** resilience4j's contributor of every breaker's state. */
	static final String BREAKERS = "circuitBreakers";

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		return new Groups(groups);
	}

	private static boolean isBreakers(String name) {
		return name.equals(BREAKERS) || name.startsWith(BREAKERS + "/");
	}

	/** The application's groups, with a root that leaves the breakers out. */
	private static final class Groups implements HealthEndpointGroups, AdditionalPathsMapper {

		private final HealthEndpointGroups groups;

		private final HealthEndpointGroup primary;

		Groups(HealthEndpointGroups groups) {
			this.groups = groups;
			this.primary = new RootWithoutBreakers(groups.getPrimary());
		}

		@Override
		public HealthEndpointGroup getPrimary() {
			return this.primary;
		}

		@Override
		public Set<String> getNames() {
			return this.groups.getNames();
		}

		@Override
		@Nullable
		public HealthEndpointGroup get(String name) {
			return this.groups.get(name);
		}

		// Delegated rather than left to the interface's defaults, which would look up every
		// group by name: a decorator beneath may act on the lookup of a group.
		@Override
		@Nullable
		public HealthEndpointGroup get(AdditionalHealthEndpointPath path) {
			return this.groups.get(path);
		}

		@Override
		public Set<HealthEndpointGroup> getAllWithAdditionalPath(WebServerNamespace namespace) {
			return this.groups.getAllWithAdditionalPath(namespace);
		}

		@Override
		@Nullable
		public List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace webServerNamespace) {
			// The groups' own paths (/livez, /readyz, /deepz) come from the groups Boot built.
			return (this.groups instanceof AdditionalPathsMapper mapper)
					? mapper.getAdditionalPaths(endpointId, webServerNamespace) : null;
		}

	}

	/** The root group without the breakers; everything else is the root's own. */
	private record RootWithoutBreakers(HealthEndpointGroup root) implements HealthEndpointGroup {

		@Override
		public boolean isMember(String name) {
			return !isBreakers(name) && this.root.isMember(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.root.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.root.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return this.root.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return this.root.getHttpCodeStatusMapper();
		}

		@Override
		@Nullable
		public AdditionalHealthEndpointPath getAdditionalPath() {
			return this.root.getAdditionalPath();
		}

	}

}
