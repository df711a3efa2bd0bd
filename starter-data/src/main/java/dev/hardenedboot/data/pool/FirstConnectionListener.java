package dev.hardenedboot.data.pool;

import java.sql.Connection;

import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;

/**
 * Hands each physical connection a pool opens to the {@link HikariPoolTuner} until the
 * pool's server has been checked. It runs beneath the pool, inside the pool's own call that
 * opens the connection, so the lifetime it derives already applies to that connection.
 */
class FirstConnectionListener implements MethodExecutionListener {

	private final HikariPoolTuner tuner;

	FirstConnectionListener(HikariPoolTuner tuner) {
		this.tuner = tuner;
	}

	@Override
	public void beforeMethod(MethodExecutionContext executionContext) {
	}

	@Override
	public void afterMethod(MethodExecutionContext executionContext) {
		// The method name first: this runs after every JDBC call beneath the pool (statements,
		// result sets), and a type test of each result costs more than a name comparison.
		if ("getConnection".equals(executionContext.getMethod().getName()) && executionContext.getThrown() == null
				&& executionContext.getResult() instanceof Connection connection) {
			Connection target = (connection instanceof ProxyJdbcObject proxy
					&& proxy.getTarget() instanceof Connection raw) ? raw : connection;
			this.tuner.connectionOpened(executionContext.getProxyConfig().getDataSourceName(), target);
		}
	}

}
