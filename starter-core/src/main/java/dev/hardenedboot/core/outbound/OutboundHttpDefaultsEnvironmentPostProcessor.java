package dev.hardenedboot.core.outbound;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives Boot's outbound HTTP timeouts a value when the application sets none: without them
 * a call can wait for a dead downstream forever. Added as the last property source, so any
 * value from the application's configuration, the environment or the command line wins,
 * and the source's name tells where a value came from.
 */
public class OutboundHttpDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "hardenedBootOutboundHttpDefaults";

	static final Map<String, Object> DEFAULTS = Map.of("spring.http.client.connect-timeout", "2s",
			"spring.http.client.read-timeout", "10s");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, DEFAULTS));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
