package dev.hardenedboot.core.config.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.hardenedboot.core.config.ConfigReloadedEvent;
import dev.hardenedboot.core.config.UnknownConfigurationKeys;
import dev.hardenedboot.core.config.UnknownConfigurationKeysException.UnknownKey;
import dev.hardenedboot.core.config.UnknownKeysEnvironmentPostProcessor;
import dev.hardenedboot.core.config.cipher.ConfigCipherException;
import dev.hardenedboot.core.config.cipher.DecryptingEnvironmentPostProcessor;
import dev.hardenedboot.core.config.files.ConfigFiles;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Reloads the mounted directory and {@code config.{profile}.yaml}, all or nothing. A change
 * becomes a candidate configuration that goes through the checks of a start-up: decryption,
 * unknown keys under {@code hardened.*}, conversion and validation of every
 * {@code @ConfigurationProperties} bean it touches, and logging levels. If anything fails, the
 * whole change is rejected and the running configuration stays as it was; otherwise the new
 * values go into the environment, the beans are rebound, logging levels change, and a
 * {@link ConfigReloadedEvent} tells the components that keep their own copies.
 *
 * <p>Reloads are serialized. A rejected version of the files is not retried until the files
 * change again.
 */
public class ConfigReloader {

	private static final Log logger = LogFactory.getLog(ConfigReloader.class);

	private static final String SPRING_CLOUD_EVENT = "org.springframework.cloud.context.environment.EnvironmentChangeEvent";

	private final ConfigurableApplicationContext context;

	private final ConfigurableEnvironment environment;

	private final ConfigReloadRecorder recorder;

	/** The metadata is read at the first reload, not at every start-up. */
	private final SingletonSupplier<UnknownConfigurationKeys> unknownKeys;

	private final DecryptingEnvironmentPostProcessor decrypting;

	private final PropertiesRebinding rebinding;

	private String digest;

	@Nullable
	private RunningBeansUpdate update;

	public ConfigReloader(ConfigurableApplicationContext context, ConfigReloadRecorder recorder) {
		this.context = context;
		this.environment = context.getEnvironment();
		this.recorder = recorder;
		this.unknownKeys = SingletonSupplier.of(() -> UnknownConfigurationKeys.declaredBy(context.getClassLoader()));
		this.decrypting = new DecryptingEnvironmentPostProcessor((destination) -> destination.get());
		this.rebinding = new PropertiesRebinding(context);
		this.digest = digestOrEmpty(ConfigFiles.of(this.environment));
	}

	/**
	 * Reads the configuration files and, when they differ from what was last read, checks
	 * and applies them.
	 * @return what happened
	 */
	public synchronized ConfigReloadResult reload() {
		ConfigFiles files = ConfigFiles.of(this.environment);
		String current = digestOrEmpty(files);
		if (current.equals(this.digest)) {
			return ConfigReloadResult.unchanged();
		}
		this.digest = current;
		CandidateConfiguration candidate;
		try {
			candidate = CandidateConfiguration.of(this.environment, files.load(), this.decrypting);
		}
		catch (IOException | UncheckedIOException ex) {
			return reject(Set.of(), List.of("The configuration files cannot be read: " + ex.getMessage()));
		}
		catch (ConfigCipherException ex) {
			return reject(Set.of(), List.of(ex.getMessage() + " " + ex.getAction()));
		}
		catch (RuntimeException ex) {
			// A malformed YAML or properties file (the parser's message names the file and line).
			return reject(Set.of(), List.of("The configuration files cannot be read: " + ex.getMessage()));
		}
		Set<String> changed = candidate.changedKeys();
		if (changed.isEmpty()) {
			candidate.applyTo(this.environment);
			return ConfigReloadResult.unchanged();
		}
		LoggingLevels levels = LoggingLevels.between(this.environment, candidate.environment());
		List<String> problems = new ArrayList<>(unknownKeyProblems(candidate, changed));
		problems.addAll(levels.problems());
		PropertiesRebinding.Binding binding = this.rebinding.bind(candidate.environment(), changed);
		problems.addAll(binding.problems());
		if (!problems.isEmpty()) {
			return reject(changed, problems);
		}
		candidate.applyTo(this.environment);
		List<String> restartRequired = update().apply(binding, changed, levels);
		logger.info("Configuration reloaded, " + changed.size() + " properties changed: " + changed);
		if (!restartRequired.isEmpty()) {
			logger.warn("Configuration reloaded, but these settings keep their old values until a restart: "
					+ restartRequired);
		}
		this.recorder.record(ConfigReloadResult.Outcome.APPLIED);
		this.context.publishEvent(new ConfigReloadedEvent(this, changed, restartRequired));
		return new ConfigReloadResult(ConfigReloadResult.Outcome.APPLIED, changed, List.of(), restartRequired);
	}

	/** Chosen at the first reload, when every bean, Spring Cloud's rebinder among them, exists. */
	private RunningBeansUpdate update() {
		if (this.update == null) {
			RunningBeansUpdate own = (binding, changedKeys, levels) -> {
				List<String> restartRequired = binding.applyToRunningBeans();
				levels.applyTo(LoggingSystem.get(this.context.getClassLoader()));
				return restartRequired;
			};
			this.update = ClassUtils.isPresent(SPRING_CLOUD_EVENT, this.context.getClassLoader())
					? SpringCloudRebinding.orElse(this.context, own) : own;
		}
		return this.update;
	}

	private List<String> unknownKeyProblems(CandidateConfiguration candidate, Set<String> changed) {
		String mode = candidate.environment()
			.getProperty(UnknownKeysEnvironmentPostProcessor.MODE_PROPERTY, "fail")
			.trim()
			.toLowerCase(Locale.ROOT);
		if (mode.equals("ignore")) {
			return List.of();
		}
		UnknownConfigurationKeys.Found found = this.unknownKeys.obtain().find(candidate.environment());
		found.others()
			.stream()
			.filter((key) -> changed.contains(key.name()))
			.forEach((key) -> logger.warn("Unknown configuration key " + key.describe()));
		if (mode.equals("warn")) {
			found.ours().forEach((key) -> logger.warn("Unknown configuration key " + key.describe()));
			return List.of();
		}
		return found.ours().stream().map(UnknownKey::describe).map((key) -> "Unknown configuration key " + key).toList();
	}

	private ConfigReloadResult reject(Set<String> changed, List<String> problems) {
		logger.warn("Configuration change rejected; the running configuration is unchanged:\n    "
				+ String.join("\n    ", problems));
		this.recorder.record(ConfigReloadResult.Outcome.REJECTED);
		return ConfigReloadResult.rejected(changed, problems);
	}

	private static String digestOrEmpty(ConfigFiles files) {
		try {
			return files.digest();
		}
		catch (UncheckedIOException ex) {
			// Unreadable right now (permissions changing, a file being replaced): try again later.
			return "";
		}
	}

}
