package dev.hardenedboot.core.config.reload;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Hot reload of the mounted configuration directory and {@code config.{profile}.yaml}.
 */
@ConfigurationProperties("hardened.config.reload")
@Validated
public class ConfigReloadProperties {

	/**
	 * Whether changes to the mounted directory and config.{profile}.yaml are checked and
	 * applied while the application runs.
	 */
	private boolean enabled = true;

	/**
	 * Whether the files are watched. Without watching, a reload happens only when the
	 * application calls ConfigReloader.reload(), from its own endpoint or signal handler.
	 */
	private boolean watch = true;

	/**
	 * How long the files must stay unchanged before a change is read, so that an editor's or
	 * Kubernetes' several writes make one reload.
	 */
	@NotNull
	@DurationMin(millis = 10)
	@DurationMax(seconds = 10)
	private Duration quietPeriod = Duration.ofMillis(200);

	/**
	 * How often the files are compared with what was last read, besides file-system events:
	 * volumes that send no events (some network file systems) and directories that appear
	 * after start-up are seen this way.
	 */
	@NotNull
	@DurationMin(millis = 100)
	private Duration pollInterval = Duration.ofSeconds(5);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isWatch() {
		return this.watch;
	}

	public void setWatch(boolean watch) {
		this.watch = watch;
	}

	public Duration getQuietPeriod() {
		return this.quietPeriod;
	}

	public void setQuietPeriod(Duration quietPeriod) {
		this.quietPeriod = quietPeriod;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

}
