package dev.hardenedboot.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Environment variables with the application's prefix ({@code hardened.config.env-prefix},
 * default {@code APP}): {@code APP_DB_TIMEOUT=5s} sets {@code db.timeout} and beats an
 * unprefixed {@code DB_TIMEOUT}, while unprefixed variables keep working. The prefix keeps
 * one service's settings apart from everything else in a shared environment.
 *
 * <p>The variables become a property source just above the ordinary environment variables,
 * so the precedence is: command line, system properties, prefixed variables, other
 * variables, configuration files, defaults. Its name ends in {@code -systemEnvironment}, so
 * Boot binds it with the relaxed rules of environment variables. It is added after the
 * configuration files are read, so a prefixed variable cannot activate a profile or import
 * a file; use the unprefixed {@code SPRING_PROFILES_ACTIVE} for that.
 */
public class PrefixedEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source of prefixed variables. */
	public static final String PROPERTY_SOURCE_NAME = "hardenedBootPrefixed-"
			+ StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

	static final String PREFIX_PROPERTY = "hardened.config.env-prefix";

	/** After the configuration files, which may set the prefix; before the unknown-key check. */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 5;

	private final Map<String, String> variables;

	public PrefixedEnvironmentPostProcessor() {
		this(System.getenv());
	}

	PrefixedEnvironmentPostProcessor(Map<String, String> variables) {
		this.variables = variables;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String prefix = environment.getProperty(PREFIX_PROPERTY, "APP").trim();
		if (prefix.isEmpty() || environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		String start = prefix.endsWith("_") ? prefix : prefix + "_";
		Map<String, Object> stripped = new LinkedHashMap<>();
		this.variables.forEach((name, value) -> {
			if (name.length() > start.length() && name.regionMatches(true, 0, start, 0, start.length())) {
				stripped.put(name.substring(start.length()), value);
			}
		});
		if (stripped.isEmpty()) {
			return;
		}
		SystemEnvironmentPropertySource prefixed = new SystemEnvironmentPropertySource(PROPERTY_SOURCE_NAME, stripped);
		if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources()
				.addBefore(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, prefixed);
		}
		else {
			environment.getPropertySources().addLast(prefixed);
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
