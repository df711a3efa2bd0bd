package dev.hardenedboot.core.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security headers set on every response, errors included. An empty value switches a
 * header off.
 */
@ConfigurationProperties("hardened.security.headers")
public class SecurityHeadersProperties {

	/**
	 * Whether security headers are set.
	 */
	private boolean enabled = true;

	/**
	 * X-Content-Type-Options: stops browsers from guessing a content type.
	 */
	private String contentTypeOptions = "nosniff";

	/**
	 * X-Frame-Options: no framing, against clickjacking.
	 */
	private String frameOptions = "DENY";

	/**
	 * Referrer-Policy: URLs of this service never leak to other sites.
	 */
	private String referrerPolicy = "no-referrer";

	/**
	 * Permissions-Policy: browser features this service never needs.
	 */
	private String permissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=()";

	/**
	 * Content-Security-Policy for responses that are not HTML (APIs): nothing may load or
	 * frame them. HTML responses are left to the application.
	 */
	private String contentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

	/**
	 * Strict-Transport-Security, on secure requests only (directly, or as reported by
	 * trusted forwarded headers with server.forward-headers-strategy).
	 */
	private String strictTransportSecurity = "max-age=31536000; includeSubDomains";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getContentTypeOptions() {
		return this.contentTypeOptions;
	}

	public void setContentTypeOptions(String contentTypeOptions) {
		this.contentTypeOptions = contentTypeOptions;
	}

	public String getFrameOptions() {
		return this.frameOptions;
	}

	public void setFrameOptions(String frameOptions) {
		this.frameOptions = frameOptions;
	}

	public String getReferrerPolicy() {
		return this.referrerPolicy;
	}

	public void setReferrerPolicy(String referrerPolicy) {
		this.referrerPolicy = referrerPolicy;
	}

	public String getPermissionsPolicy() {
		return this.permissionsPolicy;
	}

	public void setPermissionsPolicy(String permissionsPolicy) {
		this.permissionsPolicy = permissionsPolicy;
	}

	public String getContentSecurityPolicy() {
		return this.contentSecurityPolicy;
	}

	public void setContentSecurityPolicy(String contentSecurityPolicy) {
		this.contentSecurityPolicy = contentSecurityPolicy;
	}

	public String getStrictTransportSecurity() {
		return this.strictTransportSecurity;
	}

	public void setStrictTransportSecurity(String strictTransportSecurity) {
		this.strictTransportSecurity = strictTransportSecurity;
	}

}
