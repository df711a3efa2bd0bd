package dev.hardenedboot.core.errors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.DeadlineTimeouts;
import dev.hardenedboot.core.context.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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
 * one. {@link dev.hardenedboot.core.context.DeadlineExceededException} is left to the deadline
 * filter, which owns the 504.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class HardenedExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log errorLogger = LogFactory.getLog(HardenedExceptionHandler.class);

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
			.forEach((violation) -> errors.add(fieldError(beanPath(violation.getPropertyPath()), violation.getMessage())));
		return render(ex, HardenedErrorCode.VALIDATION_FAILED, "The request is not valid.", errors, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex, NativeWebRequest request) throws Exception {
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			// Nobody is left to answer, and a gone client is not a server error.
			return null;
		}
		if (DeadlineTimeouts.isCausedByDeadline(ex, deadlineOf(request))) {
			// DeadlineExceededException, or a timeout or cancellation the deadline caused: the
			// deadline filter answers 504 (a body written here would fail the late-response check).
			throw ex;
		}
		if (isSpringSecurityException(ex)) {
			// Spring Security's ExceptionTranslationFilter turns these into 401 and 403 (and
			// its entry point may redirect); a 500 here would hide them.
			throw ex;
		}
		ErrorCode mapped = this.registry.forException(ex).orElse(null);
		if (mapped != null) {
			return render(ex, mapped, ProblemDetails.defaultDetail(mapped), null, request);
		}
		ResponseStatus responseStatus = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(),
				ResponseStatus.class);
		if (responseStatus != null) {
			ErrorCode code = ErrorCodeRegistry.forStatus(responseStatus.code());
			String reason = responseStatus.reason();
			// The reason is written for clients; the message of the exception is not.
			String detail = (!reason.isEmpty()) ? reason : ProblemDetails.defaultDetail(code);
			return render(ex, code, detail, null, request);
		}
		return render(ex, HardenedErrorCode.INTERNAL_ERROR, ProblemDetails.defaultDetail(HardenedErrorCode.INTERNAL_ERROR),
				null, request);
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
			return ProblemDetails.defaultDetail(code);
		}
		// Spring MVC's own details for 4xx name only what the client sent ("No static resource
		// x.", "Content-Type 'x' is not supported.").
		return (body instanceof ProblemDetail problem) ? problem.getDetail() : null;
	}

	@Nullable
	private static List<Map<String, String>> validationErrors(Exception ex) {
		List<Map<String, String>> errors = new ArrayList<>();
		if (ex instanceof MethodArgumentNotValidException invalid) {
			addBindingErrors(errors, invalid.getBindingResult());
		}
		else if (ex instanceof HandlerMethodValidationException invalid) {
			for (ParameterValidationResult result : invalid.getParameterValidationResults()) {
				String parameter = parameterName(result);
				if (result instanceof ParameterErrors parameterErrors) {
					addBindingErrors(errors, parameterErrors);
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

	private static void addBindingErrors(List<Map<String, String>> errors, Errors result) {
		for (FieldError field : result.getFieldErrors()) {
			errors.add(fieldError(field.getField(), field.getDefaultMessage()));
		}
		result.getGlobalErrors().forEach((global) -> errors.add(fieldError("$", global.getDefaultMessage())));
	}

	private static String parameterName(ParameterValidationResult result) {
		String name = result.getMethodParameter().getParameterName();
		RequestParam requestParam = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
		if (requestParam != null && !requestParam.name().isEmpty()) {
			return requestParam.name();
		}
		PathVariable pathVariable = result.getMethodParameter().getParameterAnnotation(PathVariable.class);
		if (pathVariable != null && !pathVariable.name().isEmpty()) {
			return pathVariable.name();
		}
		return (name != null) ? name : "arg" + result.getMethodParameter().getParameterIndex();
	}

	/**
	 * The path of a violation as the client wrote it: {@code lines[0].sku}, without the
	 * method and parameter nodes of method validation ({@code place.request.}); a violation
	 * on a parameter itself is named by the parameter.
	 */
	static String beanPath(Path path) {
		StringBuilder bean = new StringBuilder();
		String parameter = null;
		for (Path.Node node : path) {
			ElementKind kind = node.getKind();
			if (kind == ElementKind.PARAMETER) {
				parameter = node.getName();
				continue;
			}
			if (kind != ElementKind.PROPERTY && kind != ElementKind.CONTAINER_ELEMENT && kind != ElementKind.BEAN) {
				continue;
			}
			if (node.isInIterable()) {
				bean.append('[').append((node.getIndex() != null) ? node.getIndex() : node.getKey()).append(']');
			}
			if (node.getName() != null) {
				bean.append(bean.isEmpty() ? "" : ".").append(node.getName());
			}
		}
		if (!bean.isEmpty()) {
			return bean.toString();
		}
		return (parameter != null) ? parameter : "$";
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
		return this.problems.response(code, problem, HttpHeaders.EMPTY);
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
