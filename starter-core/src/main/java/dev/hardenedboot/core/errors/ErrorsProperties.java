package dev.hardenedboot.core.errors;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Error responses: RFC 9457 problem details for every error path.
 */
@ConfigurationProperties("hardened.errors")
@Validated
public class ErrorsProperties {

	/**
	 * Whether every error is answered as application/problem+json with an error code.
	 */
	private boolean enabled = true;

	/**
	 * Base of the problem 'type' URI; the code in kebab-case is appended
	 * ('https://errors.example.com/' + 'order-not-found'). 'about:blank' when unset.
	 */
	private URI typeBase;

	/**
	 * Error codes declared in configuration, by code: their HTTP status and title.
	 */
	@Valid
	private Map<String, Code> codes = new LinkedHashMap<>();

	/**
	 * Exception types (fully qualified class names) answered with an error code instead of
	 * 500, for exceptions of libraries that cannot implement ErrorCodeException. Subclasses
	 * match too.
	 */
	private Map<String, String> exceptions = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public URI getTypeBase() {
		return this.typeBase;
	}

	public void setTypeBase(URI typeBase) {
		this.typeBase = typeBase;
	}

	public Map<String, Code> getCodes() {
		return this.codes;
	}

	public void setCodes(Map<String, Code> codes) {
		this.codes = codes;
	}

	public Map<String, String> getExceptions() {
		return this.exceptions;
	}

	public void setExceptions(Map<String, String> exceptions) {
		this.exceptions = exceptions;
	}

	/**
	 * An error code declared in configuration.
	 */
	public static class Code {

		/**
		 * HTTP status the code is answered with.
		 */
		@Min(400)
		@Max(599)
		private int status = 500;

		/**
		 * Short, stable, human summary of the error.
		 */
		@NotBlank
		private String title;

		public int getStatus() {
			return this.status;
		}

		public void setStatus(int status) {
			this.status = status;
		}

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

	}

}
