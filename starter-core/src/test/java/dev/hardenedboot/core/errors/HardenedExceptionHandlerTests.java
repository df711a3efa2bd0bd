package dev.hardenedboot.core.errors;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.RequestContext;
import dev.hardenedboot.core.web.ErrorEndpoints;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the exception handler leaves to others.
 */
class HardenedExceptionHandlerTests {

	private final HardenedExceptionHandler handler = new HardenedExceptionHandler(new ProblemDetails(null),
			new ErrorCodeRegistry(new ErrorsProperties(), List.of(), getClass().getClassLoader()));

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");

	private final ServletWebRequest webRequest = new ServletWebRequest(this.request, new MockHttpServletResponse());

	@Test
	void springSecurityExceptionsAreLeftToItsExceptionTranslation() {
		AccessDeniedException denied = new AccessDeniedException("no");
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.handler.handleUnexpected(denied, this.webRequest))
			.isSameAs(denied);
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> this.handler.handleUnexpected(new BadCredentialsException("no"), this.webRequest));
	}

	@Test
	void timeoutsTheDeadlineCausedAreLeftToTheDeadlineFilter() throws Exception {
		Deadline deadline = Deadline.after(Duration.ofMillis(1));
		Thread.sleep(5);
		this.request.setAttribute(RequestContext.ATTRIBUTE, RequestContext.of("r").withDeadline(deadline));
		TimeoutException timeout = new TimeoutException();
		assertThatExceptionOfType(TimeoutException.class)
			.isThrownBy(() -> this.handler.handleUnexpected(timeout, this.webRequest));
	}

	@Test
	void aGoneClientGetsNoAnswer() throws Exception {
		assertThat(this.handler.handleUnexpected(new IOException("Broken pipe"), this.webRequest)).isNull();
	}

	@Test
	void constraintViolationsNameThePathTheClientWrote() throws Exception {
		Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
		ErrorEndpoints.Order order = new ErrorEndpoints.Order("", 1, List.of(new ErrorEndpoints.Line("A", 0)));
		Set<ConstraintViolation<Object>> onBean = validator.validate(order);
		Method place = Service.class.getDeclaredMethod("place", ErrorEndpoints.Order.class, int.class);
		Set<ConstraintViolation<Service>> onMethod = validator.forExecutables()
			.validateParameters(new Service(), place, new Object[] { order, 0 });
		assertThat(fields(new ConstraintViolationException(onBean))).containsExactlyInAnyOrder("customer",
				"lines[0].quantity");
		assertThat(fields(new ConstraintViolationException(onMethod))).containsExactlyInAnyOrder("customer",
				"lines[0].quantity", "attempts");
	}

	private List<String> fields(ConstraintViolationException ex) {
		ProblemDetail problem = this.handler.handleConstraintViolation(ex, this.webRequest).getBody();
		assertThat(problem.getProperties()).containsEntry("code", "VALIDATION_FAILED");
		@SuppressWarnings("unchecked")
		List<Map<String, String>> errors = (List<Map<String, String>>) problem.getProperties().get("errors");
		return errors.stream().map((error) -> error.get("field")).toList();
	}

	static class Service {

		void place(@Valid ErrorEndpoints.Order request, @Positive int attempts) {
		}

	}

	@Test
	void anythingElseIsAnInternalError() throws Exception {
		ResponseEntity<ProblemDetail> response = this.handler.handleUnexpected(new IllegalStateException("x"),
				this.webRequest);
		assertThat(response.getStatusCode().value()).isEqualTo(500);
		assertThat(response.getBody().getProperties()).containsEntry("code", "INTERNAL_ERROR");
	}

}
