package dev.hardenedboot.core.config;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Hardened Boot's defaults for other libraries' properties, as the last property source:
 * any value from the application's configuration, the environment or the command line wins,
 * and the source's name tells where a value came from (the hardening report reads it).
 */
public abstract class LowestPriorityDefaults implements EnvironmentPostProcessor, Ordered {

	private final String name;

	private final Map<String, Object> defaults;

	protected LowestPriorityDefaults(String name, Map<String, Object> defaults) {
		this.name = name;
		this.defaults = Map.copyOf(defaults);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getPropertySources().contains(this.name)) {
			environment.getPropertySources().addLast(new MapPropertySource(this.name, this.defaults));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
