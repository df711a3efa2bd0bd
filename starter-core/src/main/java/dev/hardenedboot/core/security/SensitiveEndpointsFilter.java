package dev.hardenedboot.core.security;

import java.util.Set;

import org.springframework.boot.actuate.endpoint.EndpointFilter;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;

/**
 * Keeps the endpoints that describe weaknesses and versions off the main port: with one
 * port, whatever the ingress routes to the application reaches them too.
 */
class SensitiveEndpointsFilter implements EndpointFilter<ExposableWebEndpoint> {

	static final Set<String> SENSITIVE = Set.of("sbom", "hardening");

	private final boolean separateManagementPort;

	SensitiveEndpointsFilter(boolean separateManagementPort) {
		this.separateManagementPort = separateManagementPort;
	}

	@Override
	public boolean match(ExposableWebEndpoint endpoint) {
		return this.separateManagementPort || !SENSITIVE.contains(endpoint.getEndpointId().toLowerCaseString());
	}

}
