package dev.hardenedboot.observability.report;

import java.util.List;

import dev.hardenedboot.core.report.HardeningCheck;
import dev.hardenedboot.core.report.HardeningFinding;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.Environment;

/**
 * The root logger is not at DEBUG or TRACE outside the local profiles: every library then
 * logs every step, the volume drowns the collector and the application pays for it in
 * latency. Reads the level in force now, so one set through {@code /actuator/loggers} counts.
 */
class RootLogLevelCheck implements HardeningCheck {

	static final String ID = "logging.root-level";

	private final Environment environment;

	private final LoggingSystem loggingSystem;

	RootLogLevelCheck(Environment environment, LoggingSystem loggingSystem) {
		this.environment = environment;
		this.loggingSystem = loggingSystem;
	}

	@Override
	public List<HardeningFinding> check() {
		LoggerConfiguration root = this.loggingSystem.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME);
		LogLevel level = (root != null) ? root.getEffectiveLevel() : null;
		if (level == null) {
			return List.of(HardeningFinding.pass("observability", ID,
					"The logging system (" + this.loggingSystem.getClass().getSimpleName()
							+ ") does not report the root level."));
		}
		if (LocalProfiles.active(this.environment)) {
			return List.of(HardeningFinding.pass("observability", ID,
					"Root log level " + level + " in the local profiles " + LocalProfiles.describe(this.environment)
							+ "."));
		}
		if (level == LogLevel.DEBUG || level == LogLevel.TRACE) {
			return List.of(HardeningFinding.warn("observability", ID,
					"The root log level is " + level + " outside the local profiles (active: "
							+ LocalProfiles.describe(this.environment) + "): every library logs every step.",
					"Set logging.level.root=INFO and raise single loggers with logging.level.<logger>."));
		}
		return List.of(HardeningFinding.pass("observability", ID, "The root log level is " + level + "."));
	}

}
