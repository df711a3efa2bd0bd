package dev.hardenedboot.core.config.reload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.Environment;
import org.springframework.lang.Nullable;

/**
 * The {@code logging.level.*} settings of two configurations and what it takes to go from
 * one to the other. Logger names are case-sensitive, so they are bound in their original
 * form rather than compared as canonical property names.
 */
final class LoggingLevels {

	private static final Bindable<Map<String, String>> LEVELS = Bindable.mapOf(String.class, String.class);

	private final Map<String, String> before;

	private final Map<String, String> after;

	private LoggingLevels(Map<String, String> before, Map<String, String> after) {
		this.before = before;
		this.after = after;
	}

	static LoggingLevels between(Environment running, Environment candidate) {
		return new LoggingLevels(levels(running), levels(candidate));
	}

	private static Map<String, String> levels(Environment environment) {
		return Binder.get(environment).bind("logging.level", LEVELS).orElse(Map.of());
	}

	/** Levels that are not levels, one message each. */
	List<String> problems() {
		List<String> problems = new ArrayList<>();
		this.after.forEach((logger, level) -> {
			if (!Objects.equals(this.before.get(logger), level) && parse(level) == null) {
				problems.add("Invalid value for 'logging.level." + logger + "': \"" + level + "\" is not one of "
						+ List.of(LogLevel.values()) + ".");
			}
		});
		return problems;
	}

	/** Sets the levels that changed; a removed level returns its logger to its parent's. */
	void applyTo(LoggingSystem loggingSystem) {
		Set<String> loggers = new HashSet<>(this.before.keySet());
		loggers.addAll(this.after.keySet());
		for (String logger : loggers) {
			String level = this.after.get(logger);
			if (!Objects.equals(this.before.get(logger), level)) {
				String name = logger.equalsIgnoreCase("root") ? LoggingSystem.ROOT_LOGGER_NAME : logger;
				loggingSystem.setLogLevel(name, (level != null) ? parse(level) : null);
			}
		}
	}

	@Nullable
	private static LogLevel parse(String level) {
		String upper = level.trim().toUpperCase(Locale.ROOT);
		// YAML reads an unquoted off as false.
		if (upper.equals("FALSE")) {
			return LogLevel.OFF;
		}
		try {
			return LogLevel.valueOf(upper);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
