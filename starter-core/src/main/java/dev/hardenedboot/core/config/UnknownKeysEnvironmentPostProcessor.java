package dev.hardenedboot.core.config;

import java.util.Locale;

import org.apache.commons.logging.Log;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks for {@link UnknownConfigurationKeys unknown keys} once the configuration files are
 * read. Under {@code hardened.*} an unknown key stops start-up
 * ({@code hardened.config.unknown-keys=fail}, the default) or is logged ({@code warn}); under
 * the prefixes other libraries own, it is only ever logged. Each comes with the nearest
 * declared key.
 */
public class UnknownKeysEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Right after the configuration files are loaded. */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 10;

	/** The property that chooses what an unknown key under {@code hardened.*} does. */
	public static final String MODE_PROPERTY = "hardened.config.unknown-keys";

	private final Log logger;

	public UnknownKeysEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(UnknownKeysEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String mode = environment.getProperty(MODE_PROPERTY, "fail").trim().toLowerCase(Locale.ROOT);
		if (mode.equals("ignore")) {
			return;
		}
		ClassLoader classLoader = (application.getClassLoader() != null) ? application.getClassLoader()
				: getClass().getClassLoader();
		UnknownConfigurationKeys.Found found = UnknownConfigurationKeys.declaredBy(classLoader).find(environment);
		found.others().forEach((key) -> this.logger.warn("Unknown configuration key " + key.describe()));
		if (mode.equals("warn")) {
			found.ours().forEach((key) -> this.logger.warn("Unknown configuration key " + key.describe()));
			return;
		}
		found.throwIfOurs();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
