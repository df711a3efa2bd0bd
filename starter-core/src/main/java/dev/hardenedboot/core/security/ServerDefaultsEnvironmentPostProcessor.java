package dev.hardenedboot.core.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Server limits and safe error and actuator settings, as the lowest-priority property source:
 * any value in the application's configuration, the environment or the command line wins,
 * and the source's name tells where a value came from.
 */
public class ServerDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "hardenedBootServerDefaults";

	static final Map<String, Object> DEFAULTS;

	static {
		Map<String, Object> defaults = new LinkedHashMap<>();
		// A client that connects and sends nothing holds a thread and a socket; 5s is the
		// seed's ReadTimeout. Boot's default is Tomcat's 60s.
		defaults.put("server.tomcat.connection-timeout", "5s");
		// Longer than the usual 60s idle timeout of load balancers: the balancer, not the
		// server, closes idle connections, so it never reuses one the server just closed.
		defaults.put("server.tomcat.keep-alive-timeout", "65s");
		defaults.put("server.max-http-request-header-size", "8KB");
		defaults.put("server.tomcat.max-swallow-size", "2MB");
		defaults.put("server.tomcat.max-http-form-post-size", "2MB");
		defaults.put("server.error.include-stacktrace", "never");
		defaults.put("server.error.include-message", "never");
		defaults.put("server.error.include-binding-errors", "never");
		defaults.put("server.error.include-exception", "false");
		defaults.put("server.shutdown", "graceful");
		// Existing scrapers and probes keep working on the main port; what describes the
		// service's weaknesses and versions needs a separate management port.
		defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
		defaults.put("management.endpoint.health.show-details", "when-authorized");
		DEFAULTS = Map.copyOf(defaults);
	}

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
