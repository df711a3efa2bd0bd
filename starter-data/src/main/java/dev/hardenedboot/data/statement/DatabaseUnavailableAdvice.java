package dev.hardenedboot.data.statement;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import dev.hardenedboot.core.context.DeadlineTimeouts;
import dev.hardenedboot.core.errors.HardenedErrorCode;
import dev.hardenedboot.core.errors.ProblemDetails;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A database that gives no connection (HikariCP's {@code SQLTransientConnectionException}:
 * pool exhausted or server down, as JDBC, JdbcTemplate, transactions and JPA report it)
 * answered 503 {@code DEPENDENCY_UNAVAILABLE} with {@code Retry-After}, so callers back off
 * instead of retrying at once. Ordered just before starter-core's handler, which maps the same
 * types through the error registry but knows no Retry-After for them; an application's advice
 * ordered earlier wins. A failure the request deadline caused is left to the deadline filter.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class DatabaseUnavailableAdvice {

	private static final Log logger = LogFactory.getLog(DatabaseUnavailableAdvice.class);

	private final ProblemDetails problems;

	private final String retryAfterSeconds;

	DatabaseUnavailableAdvice(ProblemDetails problems, Duration retryAfter) {
		this.problems = problems;
		this.retryAfterSeconds = Long.toString(Math.max(1, retryAfter.toSeconds()));
	}

	@ExceptionHandler({ SQLTransientConnectionException.class, CannotGetJdbcConnectionException.class,
			CannotCreateTransactionException.class, DataAccessResourceFailureException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex, HttpServletRequest request) throws Exception {
		if (DeadlineTimeouts.isCausedByDeadline(ex)) {
			throw ex;
		}
		HardenedErrorCode code = HardenedErrorCode.DEPENDENCY_UNAVAILABLE;
		// One line, no stack trace: an exhausted pool fails every request at once.
		logger.warn(code.code() + " (503) for " + request.getMethod() + " " + request.getRequestURI() + ": "
				+ ex.getClass().getSimpleName() + ": " + ex.getMessage());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, this.retryAfterSeconds);
		return this.problems.response(code, ProblemDetails.defaultDetail(code), request, headers);
	}

}
