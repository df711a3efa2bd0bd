package dev.hardenedboot.core.errors;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The codes Hardened Boot answers with itself.
 */
public enum HardenedErrorCode implements ErrorCode {

	/** A request body, parameter or path variable failed validation. */
	VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Validation failed"),

	/** The request could not be read: malformed JSON, a missing body, a wrong type. */
	MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),

	/** The {@code X-Request-Timeout} header was malformed or not positive. */
	INVALID_REQUEST_TIMEOUT(HttpStatus.BAD_REQUEST, "Invalid request timeout"),

	/** The caller is not authenticated. */
	UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Unauthorized"),

	/** The caller may not do this. */
	FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),

	/** Nothing is found at this route. */
	NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),

	/** The route exists, but not for this method. */
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),

	/** No representation matches the {@code Accept} header. */
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),

	/** The request conflicts with the current state. */
	CONFLICT(HttpStatus.CONFLICT, "Conflict"),

	/** The body is larger than the server accepts. */
	PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large"),

	/** The body's media type is not supported here. */
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),

	/** The caller sent too many requests. */
	TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),

	/** The request headers are larger than the server accepts. */
	HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request headers too large"),

	/** Something unexpected failed; the details are in the service's log, under the request id. */
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),

	/** A dependency the request needs is unavailable (a circuit breaker is open, for one). */
	DEPENDENCY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Dependency unavailable"),

	/** The service is shedding load. */
	OVERLOADED(HttpStatus.SERVICE_UNAVAILABLE, "Overloaded"),

	/** The request did not complete within its deadline. */
	REQUEST_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "Request timed out");

	private final HttpStatus status;

	private final String title;

	HardenedErrorCode(HttpStatus status, String title) {
		this.status = status;
		this.title = title;
	}

	@Override
	public String code() {
		return name();
	}

	@Override
	public HttpStatusCode status() {
		return this.status;
	}

	@Override
	public String title() {
		return this.title;
	}

}
