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
		if (executionContext.getThrown() == null && executionContext.getResult() instanceof Connection connection
				&& "getConnection".equals(executionContext.getMethod().getName())) {
			Connection target = (connection instanceof ProxyJdbcObject proxy
					&& proxy.getTarget() instanceof Connection raw) ? raw : connection;
			this.tuner.connectionOpened(executionContext.getProxyConfig().getDataSourceName(), target);
		}
	}

}
