package dev.hardenedboot.core.outbound;

import java.util.Map;

import dev.hardenedboot.core.config.LowestPriorityDefaults;

/**
 * Gives Boot's outbound HTTP timeouts a value when the application sets none: without them
 * a call can wait for a dead downstream forever.
 */
public class OutboundHttpDefaultsEnvironmentPostProcessor extends LowestPriorityDefaults {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "hardenedBootOutboundHttpDefaults";

	public OutboundHttpDefaultsEnvironmentPostProcessor() {
		super(PROPERTY_SOURCE_NAME,
				Map.of("spring.http.client.connect-timeout", "2s", "spring.http.client.read-timeout", "10s"));
	}

}
