package dev.hardenedboot.core.security;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.hardenedboot.core.config.LowestPriorityDefaults;

/**
 * Server limits and safe error and actuator settings, for what the application leaves
 * unset.
 */
public class ServerDefaultsEnvironmentPostProcessor extends LowestPriorityDefaults {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "hardenedBootServerDefaults";

	public ServerDefaultsEnvironmentPostProcessor() {
		super(PROPERTY_SOURCE_NAME, defaults());
	}

	private static Map<String, Object> defaults() {
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
		return defaults;
	}

}
