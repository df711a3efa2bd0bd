package dev.hardenedboot.observability.health;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.hardenedboot.core.config.LowestPriorityDefaults;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The layered probe groups as Boot health groups, for what the application leaves unset:
 * liveness is the process only, readiness adds what the instance cannot serve without, and
 * deep adds breakers and business checks. Members another starter contributes may be
 * absent, so group membership is not validated.
 */
public class HealthGroupsEnvironmentPostProcessor extends LowestPriorityDefaults {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "hardenedBootHealthGroups";

	private static final String GROUP = "management.endpoint.health.group.";

	private static final String READINESS = "readinessState,db,redis";

	public HealthGroupsEnvironmentPostProcessor() {
		super(PROPERTY_SOURCE_NAME, defaults());
	}

	private static Map<String, Object> defaults() {
		Map<String, Object> defaults = new LinkedHashMap<>();
		// Boot turns the probes on only on Kubernetes; they are as useful behind any balancer.
		defaults.put("management.endpoint.health.probes.enabled", "true");
		defaults.put("management.endpoint.health.validate-group-membership", "false");
		defaults.put(GROUP + "liveness.include", "livenessState,deadlocks,gcOverhead");
		defaults.put(GROUP + "liveness.additional-path", "server:" + HealthProbePathsFilter.LIVE);
		defaults.put(GROUP + "readiness.include", READINESS);
		defaults.put(GROUP + "readiness.additional-path", "server:" + HealthProbePathsFilter.READY);
		defaults.put(GROUP + "deep.include",
				READINESS + ",circuitBreakers,writableTables,databaseReadOnly,hikariPool");
		defaults.put(GROUP + "deep.additional-path", "server:" + HealthProbePathsFilter.DEEP);
		return defaults;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("hardened.health.enabled", Boolean.class, true)) {
			super.postProcessEnvironment(environment, application);
		}
	}

}
