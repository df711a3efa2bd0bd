package dev.hardenedboot.data.statement;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.hardenedboot.core.config.LowestPriorityDefaults;

/**
 * Maps the exceptions of a database the service cannot reach, or a pool with no connection
 * to give, to 503 {@code DEPENDENCY_UNAVAILABLE} through starter-core's error registry
 * ({@code hardened.errors.exceptions}), instead of 500. HikariCP reports both as a
 * {@code SQLTransientConnectionException}; Spring wraps it by the API that asked. The
 * application's own mapping of any of these types wins. A command timeout Spring reports as
 * {@code QueryTimeoutException} is 504 {@code REQUEST_TIMEOUT}.
 */
public class DatabaseErrorDefaultsEnvironmentPostProcessor extends LowestPriorityDefaults {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "hardenedBootDatabaseErrorDefaults";

	private static final String PREFIX = "hardened.errors.exceptions[";

	public DatabaseErrorDefaultsEnvironmentPostProcessor() {
		super(PROPERTY_SOURCE_NAME, defaults());
	}

	private static Map<String, Object> defaults() {
		Map<String, Object> defaults = new LinkedHashMap<>();
		// Plain JDBC code: the pool's own exception.
		defaults.put(PREFIX + "java.sql.SQLTransientConnectionException]", "DEPENDENCY_UNAVAILABLE");
		// JdbcTemplate, JdbcClient: no connection to run the statement on.
		defaults.put(PREFIX + "org.springframework.jdbc.CannotGetJdbcConnectionException]", "DEPENDENCY_UNAVAILABLE");
		// @Transactional, TransactionTemplate: no connection to begin the transaction on.
		defaults.put(PREFIX + "org.springframework.transaction.CannotCreateTransactionException]",
				"DEPENDENCY_UNAVAILABLE");
		// JPA repositories: Hibernate's JDBCConnectionException, translated by Spring.
		defaults.put(PREFIX + "org.springframework.dao.DataAccessResourceFailureException]", "DEPENDENCY_UNAVAILABLE");
		// A command that timed out, as Spring translates it (Redis bounded by the request
		// deadline, or a statement's own timeout): the answer did not come in time, a 504.
		defaults.put(PREFIX + "org.springframework.dao.QueryTimeoutException]", "REQUEST_TIMEOUT");
		return defaults;
	}

}
