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
 * The liveness group checks the process only: a liveness probe that fails when the database
 * does makes Kubernetes restart every instance at once, and a dependency outage becomes a
 * restart storm that outlasts it.
 */
class LivenessProbeCheck implements HardeningCheck {

	static final String ID = "probes.liveness";

	private static final String INCLUDE = "management.endpoint.health.group.liveness.include";

	private final ObjectProvider<HealthEndpointGroups> groups;

	private final ObjectProvider<HealthContributorRegistry> registry;

	LivenessProbeCheck(ObjectProvider<HealthEndpointGroups> groups,
			ObjectProvider<HealthContributorRegistry> registry) {
		this.groups = groups;
		this.registry = registry;
	}

	@Override
	public List<HardeningFinding> check() {
		HealthEndpointGroups groups = this.groups.getIfAvailable();
		HealthEndpointGroup liveness = (groups != null) ? groups.get("liveness") : null;
		HealthContributorRegistry registry = this.registry.getIfAvailable();
		if (liveness == null || registry == null) {
			return List.of(HardeningFinding.warn("observability", ID,
					"There is no liveness health group: the health endpoint is unavailable or "
							+ "management.endpoint.health.probes.enabled is false, so /health/live does not answer.",
					"Make the health endpoint available and remove management.endpoint.health.probes.enabled=false "
							+ "or hardened.health.enabled=false; see docs/observability.md."));
		}
		List<Member> members = HealthGroupMembers.of(liveness, registry);
		List<HardeningFinding> findings = new ArrayList<>();
		for (Member member : members) {
			String external = member.external();
			if (external != null) {
				findings.add(HardeningFinding.fail("observability", ID,
						"Liveness group member " + member.describe() + " checks something outside the process ("
								+ external + "): when it is down every instance fails liveness and is restarted.",
						"Remove '" + member.name() + "' from " + INCLUDE + " (or add it to "
								+ "management.endpoint.health.group.liveness.exclude); Hardened Boot's default is "
								+ "livenessState,deadlocks,gcOverhead. It belongs in readiness or deep."));
			}
		}
		if (findings.isEmpty()) {
			List<Member> unknown = members.stream().filter((member) -> !member.known()).toList();
			findings.add(HardeningFinding.pass("observability", ID, "Liveness checks the process only: "
					+ HealthGroupMembers.names(members) + "."
					+ (unknown.isEmpty() ? ""
							: " " + HealthGroupMembers.names(unknown) + " are the application's own; the report "
									+ "cannot see what they call, so make sure it is nothing outside the process.")));
		}
		return findings;
	}

}
