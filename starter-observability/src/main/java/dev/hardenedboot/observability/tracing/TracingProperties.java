package dev.hardenedboot.observability.tracing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the tracer leaves alone. Sampling is Boot's: parent-based, with the ratio in
 * management.tracing.sampling.probability; export is Boot's: none unless
 * management.otlp.tracing.endpoint is set.
 */
@ConfigurationProperties("hardened.tracing")
public class TracingProperties {

	/**
	 * Whether probe paths go untraced, the other-tracer detection and the OpenTelemetry
	 * version check are applied.
	 */
	private boolean enabled = true;

	/**
	 * Request paths (Ant-style patterns, after the context path) that are neither traced
	 * nor timed: a kubelet probing every few seconds would otherwise be the most frequent
	 * trace and route. The actuator base path is always added.
	 */
	private List<String> untracedPaths = new ArrayList<>(List.of("/health/**", "/livez", "/readyz", "/deepz"));

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getUntracedPaths() {
		return this.untracedPaths;
	}

	public void setUntracedPaths(List<String> untracedPaths) {
		this.untracedPaths = untracedPaths;
	}

}
