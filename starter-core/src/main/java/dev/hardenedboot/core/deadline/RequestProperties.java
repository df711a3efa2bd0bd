package dev.hardenedboot.core.deadline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The request context: request ids, deadlines and their budgets.
 */
@ConfigurationProperties("hardened.request")
@Validated
public class RequestProperties {

	/**
	 * Whether request ids, deadlines and the request context are on.
	 */
	private boolean enabled = true;

	/**
	 * Budget of a request that has no route budget and no X-Request-Timeout header. Below
	 * the usual 60s idle timeout of load balancers, so the service answers before the
	 * balancer gives up on it.
	 */
	@NotNull
	@DurationMin(millis = 1)
	private Duration timeout = Duration.ofSeconds(30);

	/**
	 * Largest budget a caller can ask for with X-Request-Timeout; larger values are capped
	 * to it.
	 */
	@NotNull
	@DurationMin(millis = 1)
	private Duration maxTimeout = Duration.ofSeconds(60);

	/**
	 * Budgets of particular routes, by path pattern; the first match wins. A route budget
	 * also applies to streaming responses, which otherwise have no deadline.
	 */
	@Valid
	private List<Route> routes = new ArrayList<>();

	/**
	 * Path patterns that never get a deadline: actuator endpoints and probes.
	 */
	private List<String> exemptPaths = new ArrayList<>(
			List.of("/actuator/**", "/health/**", "/livez", "/readyz", "/deepz"));

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getMaxTimeout() {
		return this.maxTimeout;
	}

	public void setMaxTimeout(Duration maxTimeout) {
		this.maxTimeout = maxTimeout;
	}

	public List<Route> getRoutes() {
		return this.routes;
	}

	public void setRoutes(List<Route> routes) {
		this.routes = routes;
	}

	public List<String> getExemptPaths() {
		return this.exemptPaths;
	}

	public void setExemptPaths(List<String> exemptPaths) {
		this.exemptPaths = exemptPaths;
	}

	@AssertTrue(message = "must not be longer than hardened.request.max-timeout")
	boolean isTimeoutWithinMaxTimeout() {
		return this.timeout == null || this.maxTimeout == null || this.timeout.compareTo(this.maxTimeout) <= 0;
	}

	/**
	 * The budget of the requests whose path matches a pattern.
	 */
	public static class Route {

		/**
		 * Path pattern, as in Spring MVC mappings: "/reports/**", "/orders/{id}/export".
		 */
		@NotBlank
		private String path;

		/**
		 * HTTP methods the budget applies to; all when empty.
		 */
		private List<String> methods = new ArrayList<>();

		/**
		 * Budget of the matching requests.
		 */
		@NotNull
		@DurationMin(millis = 1)
		private Duration timeout;

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public List<String> getMethods() {
			return this.methods;
		}

		public void setMethods(List<String> methods) {
			this.methods = methods;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

}
