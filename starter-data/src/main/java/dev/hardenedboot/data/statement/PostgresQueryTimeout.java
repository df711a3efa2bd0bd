package dev.hardenedboot.data.statement;

import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.jdbc.PgStatement;

/**
 * PostgreSQL's millisecond query timeout, kept in its own class so that nothing loads the
 * driver's classes when the driver is absent.
 */
final class PostgresQueryTimeout {

	private PostgresQueryTimeout() {
	}

	static boolean applies(Statement statement) throws SQLException {
		return statement instanceof PgStatement || statement.isWrapperFor(PgStatement.class);
	}

	static void bound(Statement statement, long millis) throws SQLException {
		PgStatement pg = (statement instanceof PgStatement direct) ? direct : statement.unwrap(PgStatement.class);
		long current = pg.getQueryTimeoutMs();
		if (current == 0 || current > millis) {
			pg.setQueryTimeoutMs(millis);
		}
	}

}
