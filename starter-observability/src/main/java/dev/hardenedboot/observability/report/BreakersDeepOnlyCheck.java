package dev.hardenedboot.observability.report;

import java.util.ArrayList;
import java.util.List;

import dev.hardenedboot.core.report.HardeningCheck;
import dev.hardenedboot.core.report.HardeningFinding;
import dev.hardenedboot.observability.report.HealthGroupMembers.Member;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;

/**
 * Circuit breakers belong in the deep group only: an open breaker is the application
 * handling a failing dependency. In readiness it takes every instance out of the balancer
 * at once; in liveness it restarts them.
 */
class BreakersDeepOnlyCheck implements HardeningCheck {

	static final String ID = "probes.breakers-deep-only";

	private static final List<String> PROBES = List.of("liveness", "readiness");

	private final ObjectProvider<HealthEndpointGroups> groups;

	private final ObjectProvider<HealthContributorRegistry> registry;

	BreakersDeepOnlyCheck(ObjectProvider<HealthEndpointGroups> groups,
			ObjectProvider<HealthContributorRegistry> registry) {
		this.groups = groups;
		this.registry = registry;
	}

	@Override
	public List<HardeningFinding> check() {
		HealthEndpointGroups groups = this.groups.getIfAvailable();
		HealthContributorRegistry registry = this.registry.getIfAvailable();
		if (groups == null || registry == null) {
			return List.of(HardeningFinding.pass("observability", ID,
					"The health endpoint is unavailable, so no probe runs a breaker."));
		}
		List<HardeningFinding> findings = new ArrayList<>();
		for (String probe : PROBES) {
			HealthEndpointGroup group = groups.get(probe);
			if (group == null) {
				continue;
			}
			for (Member member : HealthGroupMembers.of(group, registry)) {
				if (member.breaker()) {
					findings.add(HardeningFinding.warn("observability", ID, "Breaker health " + member.describe()
							+ " is in the " + probe + " group: one open breaker takes "
							+ (probe.equals("liveness") ? "every instance through a restart."
									: "every instance out of the load balancer at once."),
							"Remove '" + member.name() + "' from management.endpoint.health.group." + probe
									+ ".include; it belongs in the deep group "
									+ "(management.endpoint.health.group.deep.include)."));
				}
			}
		}
		if (findings.isEmpty()) {
			HealthEndpointGroup deep = groups.get("deep");
			List<Member> inDeep = (deep != null) ? HealthGroupMembers.of(deep, registry)
				.stream()
				.filter(Member::breaker)
				.toList() : List.of();
			findings.add(HardeningFinding.pass("observability", ID,
					inDeep.isEmpty() ? "No breaker health is in the liveness or readiness group."
							: "Breaker health " + HealthGroupMembers.names(inDeep)
									+ " is in the deep group only."));
		}
		return findings;
	}

}
