package dev.hardenedboot.observability.tracing;

import java.util.Map;

import dev.hardenedboot.core.config.LowestPriorityDefaults;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Turns Boot's own tracing off, as a default, when the OpenTelemetry Java agent runs: the
 * agent already traces every request, and Boot's bridge would add a second span and a
 * second set of MDC keys to each one.
 */
public class TracingAgentEnvironmentPostProcessor extends LowestPriorityDefaults {

	/** Name of the property source holding the default. */
	public static final String PROPERTY_SOURCE_NAME = "hardenedBootTracingAgentDefaults";

	public TracingAgentEnvironmentPostProcessor() {
		super(PROPERTY_SOURCE_NAME, Map.of("management.tracing.enabled", "false"));
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("hardened.tracing.enabled", Boolean.class, true)
				&& OtherTracer.AGENT.equals(OtherTracer.detect(application.getClassLoader()))) {
			super.postProcessEnvironment(environment, application);
		}
	}

}
