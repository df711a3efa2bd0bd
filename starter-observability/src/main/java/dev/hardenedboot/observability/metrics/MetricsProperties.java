package dev.hardenedboot.observability.metrics;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP metrics defaults and the guard on the {@code uri} tag.
 */
@ConfigurationProperties("hardened.metrics")
@Validated
public class MetricsProperties {

	/**
	 * Whether the common tags, SLO buckets and the cardinality guard are applied.
	 */
	private boolean enabled = true;

	/**
	 * Most distinct values of the uri tag per HTTP timer, "OTHER" included. Past it, new
	 * values are recorded as uri="OTHER" instead of being dropped. Boot's own
	 * management.metrics.web.server.max-uri-tags and .client.max-uri-tags default to this
	 * value, so the folding happens before Boot's filter would drop them.
	 */
	@Min(2)
	private int maxUriTags = 200;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxUriTags() {
		return this.maxUriTags;
	}

	public void setMaxUriTags(int maxUriTags) {
		this.maxUriTags = maxUriTags;
	}

}
