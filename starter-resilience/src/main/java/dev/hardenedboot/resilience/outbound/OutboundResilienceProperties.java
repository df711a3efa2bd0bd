package dev.hardenedboot.resilience.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Circuit breakers on outbound HTTP. The breakers' settings are resilience4j's, per host under
 * {@code resilience4j.circuitbreaker.instances.[http-<host>].*}.
 */
@ConfigurationProperties("hardened.resilience.http")
public class OutboundResilienceProperties {

	/**
	 * Whether every RestClient and RestTemplate built from Boot's builders calls each host
	 * through that host's circuit breaker, http-&lt;host&gt;.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
