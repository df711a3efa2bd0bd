package dev.hardenedboot.observability.logging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;

/**
 * Points Boot's {@code logging.config} at the starter's Logback configuration (JSON lines on
 * stdout, human-readable in the {@code local} and {@code dev} profiles) when the application
 * has no logging configuration of its own.
 *
 * <p>The value goes into the last property source, so a {@code logging.config} set anywhere
 * else wins. A {@code logback-spring.xml}, {@code logback.xml} or one of their test and Groovy
 * variants on the class path also wins: Boot would pick it up, and so the starter stays out of
 * the way. So do Boot's own structured logging ({@code logging.structured.format.console}),
 * a log file ({@code logging.file.name} or {@code .path}, which Boot's default configuration
 * writes), a logging system other than Logback, and {@code hardened.logging.enabled=false}. Runs before
 * Boot's logging listener, which reads {@code logging.config} once the environment is ready.
 */
public class JsonLoggingEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding {@code logging.config}. */
	public static final String PROPERTY_SOURCE_NAME = "hardenedBootLogging";

	/** The starter's configuration: JSON lines written by the logging thread. */
	public static final String CONFIG = "classpath:dev/hardenedboot/observability/logging/logback.xml";

	/** The starter's configuration with {@code hardened.logging.async=true}. */
	public static final String ASYNC_CONFIG = "classpath:dev/hardenedboot/observability/logging/logback-async.xml";

	/** What Boot looks for on the class path before falling back to its defaults. */
	private static final List<String> APPLICATION_CONFIGS = List.of("logback-test.groovy", "logback-test.xml",
			"logback.groovy", "logback.xml", "logback-test-spring.groovy", "logback-test-spring.xml",
			"logback-spring.groovy", "logback-spring.xml");

	private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

	/** The profiles in which the starter's configuration writes Boot's human-readable console. */
	private static final Profiles HUMAN_CONSOLE_PROFILES = Profiles.of("local | dev");

	private final Log logger;

	public JsonLoggingEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(JsonLoggingEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		ClassLoader classLoader = (application.getClassLoader() != null) ? application.getClassLoader()
				: ClassUtils.getDefaultClassLoader();
		String reason = reasonToStayOut(environment, classLoader);
		if (reason != null) {
			this.logger.debug("Hardened Boot leaves the Logback configuration to Boot: " + reason);
			return;
		}
		boolean async = Binder.get(environment).bind("hardened.logging.async", Boolean.class).orElse(false);
		if (!environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			Map<String, Object> defaults = new LinkedHashMap<>();
			defaults.put("logging.config", async ? ASYNC_CONFIG : CONFIG);
			if (!environment.acceptsProfiles(HUMAN_CONSOLE_PROFILES)) {
				// Collectors read stdout a line at a time: the banner's lines would arrive as
				// lines of a log that is otherwise one JSON object per line.
				defaults.put("spring.main.banner-mode", "off");
			}
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
		}
	}

	/**
	 * Why the starter leaves the Logback configuration to Boot or to the application; the
	 * hardening report reads it to say where the console format comes from.
	 * @param environment the environment
	 * @param classLoader the application's class loader
	 * @return the reason, or {@code null} when the starter's configuration applies
	 */
	@Nullable
	public static String reasonToStayOut(ConfigurableEnvironment environment, ClassLoader classLoader) {
		if (!Binder.get(environment).bind("hardened.logging.enabled", Boolean.class).orElse(true)) {
			return "hardened.logging.enabled is false";
		}
		if (!ClassUtils.isPresent(LOGBACK_CONTEXT, classLoader)) {
			return "Logback is not on the class path";
		}
		String system = System.getProperty(LoggingSystem.SYSTEM_PROPERTY);
		if (system != null && !system.equals(LogbackLoggingSystem.class.getName())) {
			return "the logging system is " + system;
		}
		if (environment.containsProperty("logging.structured.format.console")) {
			return "logging.structured.format.console is set";
		}
		if (environment.containsProperty("logging.file.name") || environment.containsProperty("logging.file.path")) {
			// Boot's default configuration writes the file; the starter's writes stdout only.
			return "logging.file.name or logging.file.path is set";
		}
		for (String config : APPLICATION_CONFIGS) {
			if (classLoader.getResource(config) != null) {
				return config + " is on the class path";
			}
		}
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
