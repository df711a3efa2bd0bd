package dev.hardenedboot.sample.pricing;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * The switches of the hosted pricing service: added latency and a failure rate, so a
 * timeout, an outage or a flapping dependency can be shown on demand.
 */
@Component
public class PricingFaults {

	private static final Duration MAX_LATENCY = Duration.ofMinutes(2);

	private final AtomicReference<Settings> current;

	PricingFaults(PricingProperties properties) {
		PricingProperties.Faults faults = properties.getFaults();
		this.current = new AtomicReference<>(new Settings(faults.getLatency(), faults.getFailureRate()));
	}

	public Settings current() {
		return this.current.get();
	}

	public void apply(Settings settings) {
		if (settings.latency().isNegative() || settings.latency().compareTo(MAX_LATENCY) > 0) {
			throw new IllegalArgumentException("latency must be between 0 and " + MAX_LATENCY);
		}
		if (!(settings.failureRate() >= 0 && settings.failureRate() <= 1)) {
			throw new IllegalArgumentException("failureRate must be between 0 and 1");
		}
		this.current.set(settings);
	}

	/**
	 * Applies the configured latency and decides whether this call fails.
	 * @return {@code true} when the call should be answered with an error
	 * @throws InterruptedException when the request thread is interrupted while waiting
	 */
	boolean injectFault() throws InterruptedException {
		Settings settings = this.current.get();
		if (!settings.latency().isZero()) {
			Thread.sleep(settings.latency().toMillis());
		}
		return settings.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < settings.failureRate();
	}

	/**
	 * One set of switches.
	 *
	 * @param latency delay added to every lookup
	 * @param failureRate share of lookups answered with 503, from 0 to 1
	 */
	public record Settings(Duration latency, double failureRate) {

		public Settings {
			if (latency == null) {
				throw new IllegalArgumentException("latency is required");
			}
		}

		public static final Settings NONE = new Settings(Duration.ZERO, 0);

	}

}
