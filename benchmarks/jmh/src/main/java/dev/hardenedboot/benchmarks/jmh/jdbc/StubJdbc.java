package dev.hardenedboot.benchmarks.jmh.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A JDBC driver that answers instantly: every statement returns one row with the value 1. It
 * takes the database out of the measurement, so what is left is the pool, the proxy and the
 * listeners under test. Built from dynamic proxies, whose dispatch costs the same with and
 * without the listeners.
 */
final class StubJdbc {

	/** Query timeouts set on statements, so a benchmark can check the deadline hook ran. */
	private static final LongAdder queryTimeoutsSet = new LongAdder();

	private StubJdbc() {
	}

	static long queryTimeoutsSet() {
		return queryTimeoutsSet.sum();
	}

	static DataSource dataSource() {
		return new DataSource() {

			@Override
			public Connection getConnection() {
				return stub(Connection.class);
			}

			@Override
			public Connection getConnection(String username, String password) {
				return getConnection();
			}

			@Override
			public PrintWriter getLogWriter() {
				return null;
			}

			@Override
			public void setLogWriter(PrintWriter out) {
			}

			@Override
			public void setLoginTimeout(int seconds) {
			}

			@Override
			public int getLoginTimeout() {
				return 0;
			}

			@Override
			public Logger getParentLogger() {
				return Logger.getGlobal();
			}

			@Override
			public <T> T unwrap(Class<T> type) {
				return type.cast(this);
			}

			@Override
			public boolean isWrapperFor(Class<?> type) {
				return type.isInstance(this);
			}

		};
	}

	private static <T> T stub(Class<T> type) {
		return type.cast(Proxy.newProxyInstance(StubJdbc.class.getClassLoader(), new Class<?>[] { type },
				new Answers(type)));
	}

	private static final class Answers implements InvocationHandler {

		private final Class<?> type;

		private int rowsLeft = 1;

		Answers(Class<?> type) {
			this.type = type;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) {
			String name = method.getName();
			Class<?> returns = method.getReturnType();
			switch (name) {
				case "isValid", "getAutoCommit":
					return true;
				case "next":
					return this.rowsLeft-- > 0;
				case "unwrap":
					return proxy;
				case "isWrapperFor":
					return ((Class<?>) args[0]).isInstance(proxy);
				case "hashCode":
					return System.identityHashCode(proxy);
				case "equals":
					return proxy == args[0];
				case "toString":
					return "stub " + this.type.getSimpleName();
				case "getDatabaseProductName":
					return "Stub";
				case "getTransactionIsolation":
					return Connection.TRANSACTION_READ_COMMITTED;
				case "setQueryTimeout":
					queryTimeoutsSet.increment();
					return null;
				default:
					break;
			}
			if (returns == boolean.class) {
				return false;
			}
			if (returns == int.class) {
				// One row, one column, value 1; every setting (query timeout included) unset.
				return (name.equals("getInt") || name.equals("executeUpdate") || name.equals("getColumnCount")) ? 1 : 0;
			}
			if (returns == long.class) {
				return name.equals("getLong") ? 1L : 0L;
			}
			if (returns == short.class) {
				return (short) 0;
			}
			if (returns == byte.class) {
				return (byte) 0;
			}
			if (returns == PreparedStatement.class || returns == Statement.class || returns == ResultSet.class
					|| returns == DatabaseMetaData.class || returns == ResultSetMetaData.class) {
				return stub(returns);
			}
			if (returns == String.class) {
				return "";
			}
			return null;
		}

	}

}
