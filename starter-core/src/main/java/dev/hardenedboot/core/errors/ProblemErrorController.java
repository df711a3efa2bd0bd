package dev.hardenedboot.core.errors;

import dev.hardenedboot.core.context.DeadlineExceededException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Boot's {@code /error}, as problem details: what filters and the container reject
 * (an exception thrown by a filter, {@code sendError} from anywhere, a request the servlet
 * never saw) gets the same format, codes and extensions as a controller's errors. Replaces
 * Boot's {@code BasicErrorController}, which renders HTML or Boot's own JSON.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

	private static final Log logger = LogFactory.getLog(ProblemErrorController.class);

	private final ProblemDetails problems;

	private final ErrorCodeRegistry registry;

	public ProblemErrorController(ProblemDetails problems, ErrorCodeRegistry registry) {
		this.problems = problems;
		this.registry = registry;
	}

	@RequestMapping
	@ResponseBody
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatusCode status = statusOf(request);
		Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		ErrorCode code = codeFor(exception, status);
		String detail = (exception instanceof ErrorCodeException deliberate) ? deliberate.getMessage()
				: ProblemDetails.defaultDetail(code);
		if (code.status().is5xxServerError() && exception == null) {
			// With an exception, the container has logged it already with its stack trace.
			logger.error(code.code() + " (" + code.status().value() + ") for " + request.getAttribute(
					RequestDispatcher.ERROR_REQUEST_URI) + ": " + request.getAttribute(RequestDispatcher.ERROR_MESSAGE));
		}
		return ResponseEntity.status(code.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(this.problems.create(code, detail, request));
	}

	private ErrorCode codeFor(Throwable exception, HttpStatusCode status) {
		for (Throwable candidate = exception; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof ErrorCodeException deliberate) {
				return deliberate.getErrorCode();
			}
			if (candidate instanceof DeadlineExceededException) {
				return HardenedErrorCode.REQUEST_TIMEOUT;
			}
			ErrorCode mapped = this.registry.forException(candidate).orElse(null);
			if (mapped != null) {
				return mapped;
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return ErrorCodeRegistry.forStatus(status);
	}

	private static HttpStatusCode statusOf(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (status instanceof Integer code && code >= 400 && code <= 599) {
			return HttpStatusCode.valueOf(code);
		}
		return HttpStatusCode.valueOf(500);
	}

}
