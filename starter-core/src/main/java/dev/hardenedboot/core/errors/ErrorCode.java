package dev.hardenedboot.core.errors;

import org.springframework.http.HttpStatusCode;

/**
 * An error the service can answer with: a stable code clients can branch on, the HTTP status
 * it maps to, and a short human title. Applications declare their own, usually as an enum:
 *
 * <pre class="code">
 * enum OrderError implements ErrorCode {
 *     ORDER_NOT_FOUND(HttpStatus.NOT_FOUND, "Order not found"),
 *     ORDER_ALREADY_SHIPPED(HttpStatus.CONFLICT, "Order already shipped");
 *     // constructor and accessors
 * }
 *
 * throw new ErrorCodeException(OrderError.ORDER_NOT_FOUND, "No order 42");
 * </pre>
 *
 * Codes are {@code UPPER_SNAKE_CASE}; the problem's {@code type} is
 * {@code hardened.errors.type-base} followed by the code in kebab-case.
 */
public interface ErrorCode {

	/**
	 * The code, such as {@code ORDER_NOT_FOUND}.
	 * @return the code
	 */
	String code();

	/**
	 * The HTTP status the code is answered with.
	 * @return the status
	 */
	HttpStatusCode status();

	/**
	 * A short, stable, human summary; the same for every occurrence.
	 * @return the title
	 */
	String title();

}
