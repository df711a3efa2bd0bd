package dev.hardenedboot.core.errors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.DeadlineExceededException;
import dev.hardenedboot.core.context.DeadlineTimeouts;
import dev.hardenedboot.core.context.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Renders every exception that leaves a controller as RFC 9457 problem details with an error
 * code: Spring MVC's own exceptions (through {@link ResponseEntityExceptionHandler}),
 * validation failures with {@code errors[]}, unreadable bodies, {@link ErrorCodeException},
 * exception types mapped in configuration, {@code @ResponseStatus} exceptions, and anything
 * else as a 500 that tells the client nothing but the request id.
 *
 * <p>Ordered last, so an application's own {@code @ControllerAdvice} wins for what it
 * handles. Every 5xx is logged once, at ERROR with its stack trace; a 4xx at INFO without
 * one. {@link DeadlineExceededException} is left to the deadline filter, which owns the 504.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class HardenedExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log errorLogger = LogFactory.getLog(HardenedExceptionHandler.class);

	private static final String UNEXPECTED = "An unexpected error occurred. The service's log has the details "
			+ "under this request's request_id.";

	private static final Set<String> SPRING_SECURITY_EXCEPTIONS = Set.of(
			"org.springframework.security.access.AccessDeniedException",
			"org.springframework.security.core.AuthenticationException");

	private final ProblemDetails problems;

	private final ErrorCodeRegistry registry;

	public HardenedExceptionHandler(ProblemDetails problems, ErrorCodeRegistry registry) {
		this.problems = problems;
		this.registry = registry;
	}

	@ExceptionHandler(ErrorCodeException.class)
	ResponseEntity<ProblemDetail> handleErrorCode(ErrorCodeException ex, NativeWebRequest request) {
		return render(ex, ex.getErrorCode(), ex.getMessage(), null, request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex,
			NativeWebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getConstraintViolations()
			.forEach((violation) -> errors.add(fieldError(lastNodes(violation.getPropertyPath().toString()),
					violation.getMessage())));
		return render(ex, HardenedErrorCode.VALIDATION_FAILED, "The request is not valid.", errors, request);
	}

	/**
	 * The deadline filter answers 504 for these; handling them here would write a body the
	 * late-response check then refuses.
	 */
	@ExceptionHandler(DeadlineExceededException.class)
	void leaveToTheDeadlineFilter(DeadlineExceededException ex) {
		throw ex;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex, NativeWebRequest request) throws Exception {
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			// Nobody is left to answer, and a gone client is not a server error.
			return null;
		}
		if (DeadlineTimeouts.isCausedByDeadline(ex, deadlineOf(request))) {
			// A timeout or cancellation the deadline caused: the deadline filter answers 504.
			throw ex;
		}
		if (isSpringSecurityException(ex)) {
			// Spring Security's ExceptionTranslationFilter turns these into 401 and 403 (and
			// its entry point may redirect); a 500 here would hide them.
			throw ex;
		}
		ErrorCode mapped = this.registry.forException(ex).orElse(null);
		if (mapped != null) {
			return render(ex, mapped, mapped.title() + ".", null, request);
		}
		ResponseStatus responseStatus = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(),
				ResponseStatus.class);
		if (responseStatus != null) {
			ErrorCode code = ErrorCodeRegistry.forStatus(responseStatus.code());
			String reason = responseStatus.reason();
			// The reason is written for clients; the message of the exception is not.
			String detail = (!reason.isEmpty()) ? reason
					: code.status().is5xxServerError() ? UNEXPECTED : code.title() + ".";
			return render(ex, code, detail, null, request);
		}
		return render(ex, HardenedErrorCode.INTERNAL_ERROR, UNEXPECTED, null, request);
	}

	/**
	 * Every Spring MVC exception ends here, with the problem Spring built from it.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ErrorCode code = codeFor(ex, statusCode);
		String detail = detailFor(ex, code, body);
		List<Map<String, String>> errors = validationErrors(ex);
		ResponseEntity<ProblemDetail> rendered = render(ex, code, detail, errors, (NativeWebRequest) request);
		HttpHeaders merged = new HttpHeaders();
		merged.putAll(headers);
		merged.putAll(rendered.getHeaders());
		return new ResponseEntity<>(rendered.getBody(), merged, rendered.getStatusCode());
	}

	private static boolean isSpringSecurityException(Exception ex) {
		for (Class<?> type = ex.getClass(); type != null; type = type.getSuperclass()) {
			if (SPRING_SECURITY_EXCEPTIONS.contains(type.getName())) {
				return true;
			}
		}
		return false;
	}

	@Nullable
	private static Deadline deadlineOf(NativeWebRequest request) {
		Object context = request.getAttribute(RequestContext.ATTRIBUTE, NativeWebRequest.SCOPE_REQUEST);
		return (context instanceof RequestContext requestContext) ? requestContext.deadline().orElse(null) : null;
	}

	private static ErrorCode codeFor(Exception ex, HttpStatusCode status) {
		if (ex instanceof MethodArgumentNotValidException || ex instanceof HandlerMethodValidationException
				|| ex instanceof MissingServletRequestParameterException
				|| ex instanceof MethodArgumentTypeMismatchException) {
			return HardenedErrorCode.VALIDATION_FAILED;
		}
		return ErrorCodeRegistry.forStatus(status);
	}

	@Nullable
	private static String detailFor(Exception ex, ErrorCode code, @Nullable Object body) {
		if (ex instanceof HttpMessageNotReadableException unreadable) {
			return MalformedBodyDescriber.describe(unreadable);
		}
		if (code == HardenedErrorCode.VALIDATION_FAILED) {
			return "The request is not valid.";
		}
		if (code.status().is5xxServerError()) {
			return UNEXPECTED;
		}
		// Spring MVC's own details for 4xx name only what the client sent ("No static resource
		// x.", "Content-Type 'x' is not supported.").
		return (body instanceof ProblemDetail problem) ? problem.getDetail() : null;
	}

	@Nullable
	private static List<Map<String, String>> validationErrors(Exception ex) {
		List<Map<String, String>> errors = new ArrayList<>();
		if (ex instanceof MethodArgumentNotValidException invalid) {
			addBindingErrors(errors, invalid.getBindingResult(), "");
		}
		else if (ex instanceof HandlerMethodValidationException invalid) {
			for (ParameterValidationResult result : invalid.getParameterValidationResults()) {
				String parameter = parameterName(result);
				if (result instanceof ParameterErrors parameterErrors) {
					addBindingErrors(errors, parameterErrors, "");
				}
				else {
					for (MessageSourceResolvable error : result.getResolvableErrors()) {
						errors.add(fieldError(parameter, error.getDefaultMessage()));
					}
				}
			}
		}
		else if (ex instanceof MissingServletRequestParameterException missing) {
			errors.add(fieldError(missing.getParameterName(), "is required"));
		}
		else if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			Class<?> required = mismatch.getRequiredType();
			errors.add(fieldError(mismatch.getName(),
					"must be " + ((required != null) ? "a valid " + required.getSimpleName() : "valid")));
		}
		return errors.isEmpty() ? null : errors;
	}

	private static void addBindingErrors(List<Map<String, String>> errors, Errors result, String prefix) {
		for (FieldError field : result.getFieldErrors()) {
			errors.add(fieldError(prefix + field.getField(), field.getDefaultMessage()));
		}
		result.getGlobalErrors().forEach((global) -> errors.add(fieldError("$", global.getDefaultMessage())));
	}

	private static String parameterName(ParameterValidationResult result) {
		String name = result.getMethodParameter().getParameterName();
		org.springframework.web.bind.annotation.RequestParam requestParam = result.getMethodParameter()
			.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
		if (requestParam != null && !requestParam.name().isEmpty()) {
			return requestParam.name();
		}
		org.springframework.web.bind.annotation.PathVariable pathVariable = result.getMethodParameter()
			.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
		if (pathVariable != null && !pathVariable.name().isEmpty()) {
			return pathVariable.name();
		}
		return (name != null) ? name : "arg" + result.getMethodParameter().getParameterIndex();
	}

	/** {@code place.request.lines[0].sku} from a method's validation: keep the bean path. */
	private static String lastNodes(String propertyPath) {
		String[] nodes = propertyPath.split("\\.");
		if (nodes.length <= 2) {
			return nodes[nodes.length - 1];
		}
		return String.join(".", Arrays.copyOfRange(nodes, 2, nodes.length));
	}

	private static Map<String, String> fieldError(String field, @Nullable String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", (message != null) ? message : "is invalid");
		return error;
	}

	private ResponseEntity<ProblemDetail> render(Exception ex, ErrorCode code, @Nullable String detail,
			@Nullable List<Map<String, String>> errors, NativeWebRequest request) {
		HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
		ProblemDetail problem = this.problems.create(code, detail, servletRequest);
		if (errors != null) {
			problem.setProperty("errors", errors);
		}
		log(ex, code, servletRequest);
		return ResponseEntity.status(code.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(problem);
	}

	private static void log(Exception ex, ErrorCode code, @Nullable HttpServletRequest request) {
		String where = (request != null) ? request.getMethod() + " " + request.getRequestURI() : "request";
		if (code.status().is5xxServerError()) {
			errorLogger.error(code.code() + " (" + code.status().value() + ") for " + where, ex);
		}
		else if (errorLogger.isInfoEnabled()) {
			errorLogger.info(code.code() + " (" + code.status().value() + ") for " + where + ": "
					+ ex.getClass().getSimpleName());
		}
	}

}
