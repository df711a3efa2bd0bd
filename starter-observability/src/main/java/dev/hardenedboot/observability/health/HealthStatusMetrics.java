package dev.hardenedboot.observability.health;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.Status;

/**
 * The probe groups' status as a gauge, {@code hardened.health.status{group}}: 1 while the
 * group is UP, 0 otherwise. Boot exports no metric of its probes, and without one readiness
 * flapping (an instance leaving and rejoining the load balancer) shows nowhere.
 *
 * <p>A scrape reads the group through the health endpoint, so every member's check is the
 * bounded one: it reuses a result younger than {@code hardened.health.cache-ttl}, joins a
 * check in flight, and answers within {@code hardened.health.timeout}. A scrape therefore
 * adds at most one check per member per cache period, the same as one more probe; the deep
 * group, whose checks write to tables, is never read.
 */
class HealthStatusMetrics implements MeterBinder {

	static final String NAME = "hardened.health.status";

	static final List<String> GROUPS = List.of("liveness", "readiness");

	private final ObjectProvider<HealthEndpoint> endpoint;

	private final ObjectProvider<HealthEndpointGroups> groups;

	HealthStatusMetrics(ObjectProvider<HealthEndpoint> endpoint, ObjectProvider<HealthEndpointGroups> groups) {
		this.endpoint = endpoint;
		this.groups = groups;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		HealthEndpoint endpoint = this.endpoint.getIfAvailable();
		HealthEndpointGroups groups = this.groups.getIfAvailable();
		if (endpoint == null || groups == null) {
			return;
		}
		for (String group : GROUPS) {
			// getNames(), not get(): asking for a group starts its members' checks.
			if (groups.getNames().contains(group)) {
				Gauge.builder(NAME, endpoint, (health) -> status(health, group))
					.tag("group", group)
					.description("Whether the probe group is UP (1) or not (0)")
					.register(registry);
			}
		}
	}

	private static double status(HealthEndpoint endpoint, String group) {
		HealthComponent health = endpoint.healthForPath(group);
		if (health == null) {
			return Double.NaN;
		}
		return Status.UP.equals(health.getStatus()) ? 1 : 0;
	}

}
