package dev.hardenedboot.core.web;

import java.util.ConcurrentModificationException;
import java.util.List;

import dev.hardenedboot.core.errors.ErrorCode;
import dev.hardenedboot.core.errors.ErrorCodeException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Endpoints that fail in every way the error contract covers.
 */
@RestController
public class ErrorEndpoints {

	@GetMapping(path = "/page", produces = "text/html")
	String page() {
		return "<html><body>hello</body></html>";
	}

	@PostMapping(path = "/upload", consumes = "application/octet-stream")
	String upload(@RequestBody byte[] body) {
		return "received " + body.length;
	}

	@GetMapping("/errors/secret")
	String secret() {
		throw new IllegalStateException("connection to jdbc:postgresql://db/orders failed, password=hunter2");
	}

	@GetMapping("/errors/code")
	String code() {
		throw new ErrorCodeException(OrderError.ORDER_ALREADY_SHIPPED, "Order 42 has already shipped.");
	}

	@GetMapping("/errors/mapped")
	String mapped() {
		throw new ConcurrentModificationException("internal detail");
	}

	@GetMapping("/errors/status")
	String status() {
		throw new GoneException();
	}

	@GetMapping("/errors/unavailable")
	String unavailable() {
		throw new MaintenanceException("replica lag 42 s on db-3");
	}

	@GetMapping("/errors/user-handled")
	String userHandled() {
		throw new UserHandledException();
	}

	@GetMapping("/errors/param")
	String param(@RequestParam @Min(1) @Max(10) int n) {
		return "n=" + n;
	}

	@GetMapping("/errors/items/{id}")
	String item(@PathVariable long id) {
		return "item " + id;
	}

	@PostMapping("/errors/orders")
	Order order(@Valid @RequestBody Order order) {
		return order;
	}

	public record Order(@NotBlank String customer, int priority, @NotEmpty List<@Valid Line> lines) {
	}

	public record Line(@NotBlank String sku, @Positive int quantity) {
	}

	public enum OrderError implements ErrorCode {

		ORDER_ALREADY_SHIPPED(HttpStatus.CONFLICT, "Order already shipped");

		private final HttpStatus status;

		private final String title;

		OrderError(HttpStatus status, String title) {
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

	@ResponseStatus(code = HttpStatus.GONE, reason = "This resource is gone for good.")
	static class GoneException extends RuntimeException {

	}

	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	static class MaintenanceException extends RuntimeException {

		MaintenanceException(String message) {
			super(message);
		}

	}

	static class UserHandledException extends RuntimeException {

	}

	/**
	 * The application's own advice, for one exception type.
	 */
	@RestControllerAdvice
	public static class UserAdvice {

		@ExceptionHandler(UserHandledException.class)
		ResponseEntity<String> handle(UserHandledException ex) {
			return ResponseEntity.status(HttpStatus.I_AM_A_TEAPOT).body("handled by the application");
		}

	}

}
