package dev.hardenedboot.core.errors;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatusCode;
import org.springframework.util.ClassUtils;

/**
 * Every error code the service knows, by code and by HTTP status, and the exception types
 * configured to map to one. Built once at start-up; an unknown code or exception class in
 * the configuration stops start-up with the property that names it.
 */
public class ErrorCodeRegistry {

	private final Map<String, ErrorCode> byCode = new LinkedHashMap<>();

	private final Map<Class<?>, ErrorCode> byExceptionType = new LinkedHashMap<>();

	/** Lookups by concrete exception class, resolved once through the type hierarchy. */
	private final Map<Class<?>, Optional<ErrorCode>> resolvedExceptionTypes = new ConcurrentHashMap<>();

	public ErrorCodeRegistry(ErrorsProperties properties, Collection<? extends ErrorCode> applicationCodes,
			ClassLoader classLoader) {
		for (HardenedErrorCode code : HardenedErrorCode.values()) {
			register(code);
		}
		applicationCodes.forEach(this::register);
		properties.getCodes().forEach((code, definition) -> register(new ConfiguredErrorCode(code,
				HttpStatusCode.valueOf(definition.getStatus()), definition.getTitle())));
		properties.getExceptions().forEach((className, code) -> {
			String property = "hardened.errors.exceptions[" + className + "]";
			ErrorCode errorCode = find(code).orElseThrow(() -> new IllegalStateException(property + " is '" + code
					+ "', which is not a known error code. Use one of " + this.byCode.keySet()
					+ ", declare it under hardened.errors.codes, or register it with an ErrorCodeProvider bean."));
			if (!ClassUtils.isPresent(className, classLoader)) {
				throw new IllegalStateException("hardened.errors.exceptions names the class '" + className
						+ "', which is not on the class path. Use the fully qualified name of an exception class.");
			}
			this.byExceptionType.put(ClassUtils.resolveClassName(className, classLoader), errorCode);
		});
	}

	private void register(ErrorCode code) {
		ErrorCode previous = this.byCode.putIfAbsent(code.code(), code);
		if (previous != null && !previous.equals(code)) {
			throw new IllegalStateException("The error code '" + code.code() + "' is declared twice: by "
					+ previous.getClass().getName() + " and by " + code.getClass().getName()
					+ ". Codes must be unique; rename one of them.");
		}
	}

	public Optional<ErrorCode> find(String code) {
		return Optional.ofNullable(this.byCode.get(code));
	}

	/**
	 * The code configured for {@code exception}'s type or its nearest configured supertype.
	 * @param exception the exception
	 * @return the code, empty when none is configured
	 */
	public Optional<ErrorCode> forException(Throwable exception) {
		if (this.byExceptionType.isEmpty()) {
			return Optional.empty();
		}
		return this.resolvedExceptionTypes.computeIfAbsent(exception.getClass(), (type) -> {
			for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
				ErrorCode code = this.byExceptionType.get(candidate);
				if (code != null) {
					return Optional.of(code);
				}
			}
			return Optional.empty();
		});
	}

	/**
	 * Hardened Boot's own code for an HTTP status, for errors that carry only a status (Spring
	 * MVC's exceptions, {@code @ResponseStatus}, the container's error pages).
	 * @param status the status
	 * @return the code
	 */
	public static ErrorCode forStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> HardenedErrorCode.MALFORMED_REQUEST;
			case 401 -> HardenedErrorCode.UNAUTHORIZED;
			case 403 -> HardenedErrorCode.FORBIDDEN;
			case 404 -> HardenedErrorCode.NOT_FOUND;
			case 405 -> HardenedErrorCode.METHOD_NOT_ALLOWED;
			case 406 -> HardenedErrorCode.NOT_ACCEPTABLE;
			case 409 -> HardenedErrorCode.CONFLICT;
			case 413 -> HardenedErrorCode.PAYLOAD_TOO_LARGE;
			case 415 -> HardenedErrorCode.UNSUPPORTED_MEDIA_TYPE;
			case 429 -> HardenedErrorCode.TOO_MANY_REQUESTS;
			case 431 -> HardenedErrorCode.HEADERS_TOO_LARGE;
			case 503 -> HardenedErrorCode.DEPENDENCY_UNAVAILABLE;
			case 504 -> HardenedErrorCode.REQUEST_TIMEOUT;
			default -> (status.is5xxServerError()) ? HardenedErrorCode.INTERNAL_ERROR
					: new ConfiguredErrorCode("HTTP_" + status.value(), status, reasonOf(status));
		};
	}

	private static String reasonOf(HttpStatusCode status) {
		org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

	private record ConfiguredErrorCode(String code, HttpStatusCode status, String title) implements ErrorCode {
	}

}
