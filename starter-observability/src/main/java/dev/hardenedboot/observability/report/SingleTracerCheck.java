package dev.hardenedboot.observability.report;

import java.util.List;

import dev.hardenedboot.core.report.HardeningCheck;
import dev.hardenedboot.core.report.HardeningFinding;
import dev.hardenedboot.observability.tracing.TracerSelection;

/**
 * Exactly one tracer: two (the OpenTelemetry agent and Boot's bridge, say) give every
 * request two spans and two sets of MDC keys; none gives logs without trace ids.
 */
class SingleTracerCheck implements HardeningCheck {

	static final String ID = "tracing.single-tracer";

	private final TracerSelection selection;

	SingleTracerCheck(TracerSelection selection) {
		this.selection = selection;
	}

	@Override
	public List<HardeningFinding> check() {
		String tracer = this.selection.getTracer();
		if (this.selection.isBackedOff()) {
			String bootTracing = this.selection.isBootTracingEnabled()
					? " and Boot's tracing is still on (management.tracing.enabled=true), so two tracers may run"
					: "; Boot's tracing is off (management.tracing.enabled=false)";
			return List.of(HardeningFinding.warn("observability", ID,
					"Tracer '" + tracer + "' is present: Hardened Boot's tracing defaults backed off" + bootTracing
							+ ". Trace ids and MDC keys are that tracer's, not Micrometer Tracing's.",
					"Keep one tracer: remove " + (tracer.equals("brave") ? "Brave (micrometer-tracing-bridge-brave)"
							: "the OpenTelemetry Java agent (-javaagent)") + ", or accept it and set "
							+ "hardened.tracing.enabled=false to drop this check."));
		}
		if (!this.selection.isBootTracingEnabled()) {
			return List.of(HardeningFinding.warn("observability", ID,
					"No tracer: management.tracing.enabled=false, so requests and logs carry no trace id.",
					"Remove management.tracing.enabled=false."));
		}
		return List.of(HardeningFinding.pass("observability", ID,
				"One tracer: " + tracer + " (Boot's Micrometer Tracing with the OpenTelemetry bridge)."));
	}

}
