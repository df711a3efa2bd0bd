package dev.hardenedboot.resilience.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.hardenedboot.core.report.HardeningCheck;
import dev.hardenedboot.core.report.HardeningFinding;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * resilience4j's time limits nest inside the request's deadline: a limiter that waits longer
 * than the request may last keeps a thread on an answer nobody is waiting for. Reads the
 * registry, which holds the default configuration and every configured instance (resilience4j
 * creates those at start-up), so what is checked is what runs.
 */
class TimeLimiterCheck implements HardeningCheck {

	private final TimeLimiterRegistry registry;

	private final Environment environment;

	TimeLimiterCheck(TimeLimiterRegistry registry, Environment environment) {
		this.registry = registry;
		this.environment = environment;
	}

	@Override
	public List<HardeningFinding> check() {
		Binder binder = Binder.get(this.environment);
		if (!binder.bind("hardened.request.enabled", Boolean.class).orElse(true)) {
			// Without deadlines there is nothing to nest inside; core's check reports that.
			return List.of();
		}
		Duration request = binder.bind("hardened.request.timeout", Duration.class).orElse(Duration.ofSeconds(30));
		List<String> tooLong = new ArrayList<>();
		Duration byDefault = this.registry.getDefaultConfig().getTimeoutDuration();
		if (byDefault.compareTo(request) >= 0) {
			tooLong.add("default " + byDefault);
		}
		int instances = 0;
		for (TimeLimiter limiter : this.registry.getAllTimeLimiters()) {
			instances++;
			Duration timeout = limiter.getTimeLimiterConfig().getTimeoutDuration();
			if (timeout.compareTo(request) >= 0) {
				tooLong.add("'" + limiter.getName() + "' " + timeout);
			}
		}
		if (tooLong.isEmpty()) {
			return List.of(HardeningFinding.pass("resilience", "timeouts.time-limiter", "TimeLimiter timeouts (default "
					+ byDefault + ", " + instances + " instances) are below the request timeout (" + request + ")."));
		}
		return List.of(HardeningFinding.warn("resilience", "timeouts.time-limiter", "TimeLimiter timeouts not below "
				+ "the request timeout (" + request + "): " + String.join(", ", tooLong)
				+ ". The call outlasts the request it serves.",
				"Set resilience4j.timelimiter.configs.default.timeout-duration (and "
						+ "resilience4j.timelimiter.instances.<name>.timeout-duration) below " + request + "."));
	}

}
