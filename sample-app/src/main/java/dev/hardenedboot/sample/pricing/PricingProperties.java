package dev.hardenedboot.sample.pricing;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the pricing dependency lives and how badly it behaves.
 */
@ConfigurationProperties("sample.pricing")
public class PricingProperties {

	/**
	 * Base URL of the pricing service. When unset, the copy of the pricing service hosted by
	 * this app under /pricing is called over HTTP, so the outbound call is real.
	 */
	private URI baseUrl;

	/**
	 * Faults the hosted pricing service starts with; change them at run time with PUT
	 * /pricing/faults.
	 */
	private final Faults faults = new Faults();

	public URI getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Faults getFaults() {
		return this.faults;
	}

	public static class Faults {

		/**
		 * Delay added to every price lookup.
		 */
		private Duration latency = Duration.ZERO;

		/**
		 * Share of price lookups, from 0 to 1, answered with 503.
		 */
		private double failureRate = 0;

		public Duration getLatency() {
			return this.latency;
		}

		public void setLatency(Duration latency) {
			this.latency = latency;
		}

		public double getFailureRate() {
			return this.failureRate;
		}

		public void setFailureRate(double failureRate) {
			this.failureRate = failureRate;
		}

	}

}
