package dev.hardenedboot.data.jdbc;

import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts a datasource-proxy {@link ProxyDataSource} between each {@link HikariDataSource} and
 * its driver, carrying every {@link QueryExecutionListener} and
 * {@link MethodExecutionListener} bean. Beneath the pool rather than around it: the
 * {@code DataSource} bean stays a {@code HikariDataSource} for code, metrics and MBeans that
 * expect one, and the listeners see the driver's own statements, which is what
 * {@code PgStatement.setQueryTimeoutMs} needs. Query listeners are nested in their order
 * (see {@link NestedQueryListeners}): the first one, JDBC tracing, sees the others' work.
 */
class PoolListenerInstaller implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(PoolListenerInstaller.class);

	private final ObjectProvider<QueryExecutionListener> queryListeners;

	private final ObjectProvider<MethodExecutionListener> methodListeners;

	PoolListenerInstaller(ObjectProvider<QueryExecutionListener> queryListeners,
			ObjectProvider<MethodExecutionListener> methodListeners) {
		this.queryListeners = queryListeners;
		this.methodListeners = methodListeners;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getHikariPoolMXBean() == null && !pool.isClosed()
				&& !(pool.getDataSource() instanceof ProxyDataSource)) {
			DataSource driver = driverOf(pool);
			if (driver == null) {
				logger.info("Pool '" + beanName + "' is configured with dataSourceClassName; its statements are not "
						+ "bounded by the request deadline nor counted. Configure it with a jdbcUrl instead.");
				return bean;
			}
			List<QueryExecutionListener> queries = this.queryListeners.orderedStream().toList();
			List<MethodExecutionListener> methods = this.methodListeners.orderedStream().toList();
			if (queries.isEmpty() && methods.isEmpty()) {
				return bean;
			}
			ProxyDataSourceBuilder proxy = ProxyDataSourceBuilder.create(beanName, driver);
			if (!queries.isEmpty()) {
				proxy.listener(new NestedQueryListeners(queries));
			}
			methods.forEach(proxy::methodListener);
			pool.setDataSource(proxy.build());
		}
		return bean;
	}

	private static DataSource driverOf(HikariDataSource pool) {
		if (pool.getDataSource() != null) {
			return pool.getDataSource();
		}
		if (pool.getJdbcUrl() == null) {
			return null;
		}
		// What Hikari itself builds from a jdbcUrl, built here so it can be wrapped.
		return new DriverDataSource(pool.getJdbcUrl(), pool.getDriverClassName(), pool.getDataSourceProperties(),
				pool.getUsername(), pool.getPassword());
	}

}
