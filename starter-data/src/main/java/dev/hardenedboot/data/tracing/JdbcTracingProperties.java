package dev.hardenedboot.data.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Spans for JDBC statements.
 */
@ConfigurationProperties("hardened.data.tracing")
public class JdbcTracingProperties {

	/**
	 * Whether each JDBC statement run inside observed work (a traced request, a scheduled
	 * task) is a child span of it, named by its SQL shape without values.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
