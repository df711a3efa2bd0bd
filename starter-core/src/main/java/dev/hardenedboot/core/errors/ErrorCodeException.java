package dev.hardenedboot.core.errors;

/**
 * An error the application answers deliberately: rendered as a problem with the code's
 * status, title and code, and this exception's message as the {@code detail} the client
 * sees. Write the detail for the caller; never put internals in it.
 */
public class ErrorCodeException extends RuntimeException {

	private final ErrorCode errorCode;

	public ErrorCodeException(ErrorCode errorCode, String detail) {
		super(detail);
		this.errorCode = errorCode;
	}

	public ErrorCodeException(ErrorCode errorCode, String detail, Throwable cause) {
		super(detail, cause);
		this.errorCode = errorCode;
	}

	public ErrorCode getErrorCode() {
		return this.errorCode;
	}

}
