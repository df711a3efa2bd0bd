package dev.hardenedboot.core.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits the server enforces beyond Tomcat's own (whose defaults Hardened Boot sets through
 * server.tomcat.*).
 */
@ConfigurationProperties("hardened.server")
public class ServerLimitsProperties {

	/**
	 * Largest request body accepted; larger ones are answered with 413 PAYLOAD_TOO_LARGE
	 * without being read. Applies to every body, uploads included.
	 */
	private DataSize maxRequestBodySize = DataSize.ofMegabytes(10);

	/**
	 * Whether endpoints that describe the service's weaknesses and versions (sbom, hardening)
	 * are exposed over HTTP only when management.server.port is separate from the main port.
	 */
	private boolean sensitiveEndpointsOnManagementPortOnly = true;

	public DataSize getMaxRequestBodySize() {
		return this.maxRequestBodySize;
	}

	public void setMaxRequestBodySize(DataSize maxRequestBodySize) {
		this.maxRequestBodySize = maxRequestBodySize;
	}

	public boolean isSensitiveEndpointsOnManagementPortOnly() {
		return this.sensitiveEndpointsOnManagementPortOnly;
	}

	public void setSensitiveEndpointsOnManagementPortOnly(boolean sensitiveEndpointsOnManagementPortOnly) {
		this.sensitiveEndpointsOnManagementPortOnly = sensitiveEndpointsOnManagementPortOnly;
	}

}
