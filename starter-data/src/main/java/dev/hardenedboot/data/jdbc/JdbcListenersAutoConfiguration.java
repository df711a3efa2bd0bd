package dev.hardenedboot.data.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Installs the JDBC listeners the other data concerns contribute as beans (statement
 * deadlines, repeated-statement counting, the pool's first-connection check) beneath every
 * HikariCP pool. An application's own {@link QueryExecutionListener} beans join them.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({ HikariDataSource.class, ProxyDataSource.class })
public class JdbcListenersAutoConfiguration {

	@Bean
	static PoolListenerInstaller hardenedPoolListenerInstaller(ObjectProvider<QueryExecutionListener> queryListeners,
			ObjectProvider<MethodExecutionListener> methodListeners) {
		return new PoolListenerInstaller(queryListeners, methodListeners);
	}

}
