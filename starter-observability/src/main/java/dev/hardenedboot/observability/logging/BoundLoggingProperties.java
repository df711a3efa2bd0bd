package dev.hardenedboot.observability.logging;

import ch.qos.logback.core.Context;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.lang.Nullable;

/**
 * {@code hardened.logging.*} as seen by Logback components, which Logback creates before the
 * application context exists: Boot keeps the environment in the Logback context while it
 * configures it (as its own structured-logging encoder relies on), so the components bind the
 * same properties, with the same defaults, as the application does.
 */
final class BoundLoggingProperties {

	static final String PREFIX = "hardened.logging";

	private BoundLoggingProperties() {
	}

	static LoggingProperties from(@Nullable Context context) {
		Environment environment = environment(context);
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return new LoggingProperties();
		}
		return Binder.get(configurable).bind(PREFIX, LoggingProperties.class).orElseGet(LoggingProperties::new);
	}

	@Nullable
	static Environment environment(@Nullable Context context) {
		return (context != null && context.getObject(Environment.class.getName()) instanceof Environment environment)
				? environment : null;
	}

}
