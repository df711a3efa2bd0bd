package dev.hardenedboot.data.statement;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.List;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.DeadlineExceededException;
import dev.hardenedboot.core.context.RequestContext;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;

/**
 * Bounds every statement executed for a request by what is left of the request's deadline,
 * and turns a statement the deadline cancelled into a {@link DeadlineExceededException}, so
 * the request ends in 504 {@code REQUEST_TIMEOUT} rather than 500.
 *
 * <p>PostgreSQL gets the remaining milliseconds through the driver's own
 * {@code PgStatement.setQueryTimeoutMs}: a 500 ms budget is cut at about 500 ms, not at the
 * next whole second. {@code SET statement_timeout} is no alternative: {@code SET LOCAL} does
 * nothing in autocommit, and a plain {@code SET} stays on the pooled connection. Other
 * drivers take whole seconds, rounded up. A statement's own shorter timeout (a transaction's,
 * JdbcTemplate's query timeout) is kept.
 */
class StatementDeadlineListener implements QueryExecutionListener {

	private static final Log logger = LogFactory.getLog(StatementDeadlineListener.class);

	private static final boolean postgresPresent = ClassUtils.isPresent("org.postgresql.jdbc.PgStatement",
			StatementDeadlineListener.class.getClassLoader());

	/** A cancellation this close to the deadline is the deadline's doing. */
	private static final long SLACK_MILLIS = 50;

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		Deadline deadline = deadline();
		if (deadline == null) {
			return;
		}
		// Nobody waits for the answer of a statement started after the deadline.
		deadline.throwIfExpired();
		long remaining = Math.max(1, deadline.remainingMillis());
		Statement statement = execInfo.getStatement();
		try {
			if (postgresPresent && PostgresQueryTimeout.applies(statement)) {
				PostgresQueryTimeout.bound(statement, remaining);
				return;
			}
			int seconds = (int) Math.min(Integer.MAX_VALUE, (remaining + 999) / 1000);
			int current = statement.getQueryTimeout();
			if (current == 0 || current > seconds) {
				statement.setQueryTimeout(seconds);
			}
		}
		catch (SQLException ex) {
			// A driver without query timeouts still runs the statement, bounded by the socket.
			logger.debug("Could not bound the statement by the request deadline", ex);
		}
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		Throwable failure = execInfo.getThrowable();
		if (failure == null) {
			return;
		}
		Deadline deadline = deadline();
		if (deadline != null && deadline.remainingMillis() <= SLACK_MILLIS && isCancellation(failure)) {
			// Replaces the driver's exception as it leaves the statement, keeping it as the cause.
			throw new DeadlineExceededException(deadline, failure);
		}
	}

	@Nullable
	private static Deadline deadline() {
		RequestContext context = RequestContext.currentOrNull();
		return (context != null) ? context.deadline().orElse(null) : null;
	}

	/**
	 * A statement cancelled or timed out: JDBC's {@link SQLTimeoutException}, PostgreSQL's
	 * {@code query_canceled} (57014), MySQL's and MariaDB's interrupted or timed-out query.
	 */
	static boolean isCancellation(Throwable failure) {
		if (failure instanceof SQLTimeoutException) {
			return true;
		}
		if (failure instanceof SQLException sql) {
			return "57014".equals(sql.getSQLState()) || "70100".equals(sql.getSQLState())
					|| sql.getErrorCode() == 1317 || sql.getErrorCode() == 1969 || sql.getErrorCode() == 3024;
		}
		return false;
	}

}
