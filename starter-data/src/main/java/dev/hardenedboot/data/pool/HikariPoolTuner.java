package dev.hardenedboot.data.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.zaxxer.hikari.HikariDataSource;
import dev.hardenedboot.data.pool.DataPoolProperties.LeakStackCapture;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.lang.Nullable;

/**
 * Tunes every {@link HikariDataSource} in the context: derives its size and lifetimes as it
 * is created, then checks them against the server on its first successful connection. At
 * start-up it tries one connection; a database that is down then delays nothing beyond the
 * pool's {@code connectionTimeout}, and the check waits for the first connection that
 * succeeds later.
 */
class HikariPoolTuner implements BeanPostProcessor, SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(HikariPoolTuner.class);

	private static final String SIZE_PROPERTY = "spring.datasource.hikari.maximum-pool-size";

	private static final int HIKARI_DEFAULT_SIZE = 10;

	private final DataPoolProperties properties;

	private final PoolDerivations derivations;

	private final Binder binder;

	private final ConnectionLeakDetector leakDetector;

	private final Map<String, PoolTuning> tunings = new ConcurrentHashMap<>();

	HikariPoolTuner(DataPoolProperties properties, PoolDerivations derivations, ConnectionLeakDetector leakDetector,
			Environment environment) {
		this.properties = properties;
		this.derivations = derivations;
		this.leakDetector = leakDetector;
		this.binder = Binder.get(environment);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && !pool.isClosed()) {
			// Boot binds spring.datasource.hikari.* before initialization; a pool the
			// application built itself counts as sized when it is not Hikari's default.
			boolean sizeSetByUser = this.binder.bind(SIZE_PROPERTY, Integer.class).isBound()
					|| pool.getMaximumPoolSize() != HIKARI_DEFAULT_SIZE;
			Duration requestTimeout = this.binder.bind("hardened.request.timeout", Duration.class)
				.orElse(Duration.ofSeconds(30));
			PoolTuning tuning = new PoolTuning(beanName, pool, sizeSetByUser, this.properties, requestTimeout,
					this.derivations, trackBorrows(beanName, pool));
			tuning.applyConfigured();
			this.tunings.put(beanName, tuning);
		}
		return bean;
	}

	/**
	 * Installs a borrow tracker as the pool's metrics tracker factory, unless the application
	 * chose Hikari's own leak detection, gave the pool metrics of its own, or started it.
	 */
	@Nullable
	private BorrowTracker trackBorrows(String beanName, HikariDataSource pool) {
		if (this.properties.getLeakStackCapture() != LeakStackCapture.ON_FIRST_LEAK
				|| pool.getMetricsTrackerFactory() != null || pool.getMetricRegistry() != null
				|| pool.getHikariPoolMXBean() != null) {
			return null;
		}
		BorrowTracker tracker = this.leakDetector.track(beanName);
		pool.setMetricsTrackerFactory(tracker.factory());
		return tracker;
	}

	/**
	 * Checks each pool against its server once every bean exists. A pool that cannot connect
	 * now is checked on its first successful connection instead.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		for (PoolTuning tuning : this.tunings.values()) {
			if (tuning.isInspected()) {
				continue;
			}
			try (Connection connection = tuning.pool().getConnection()) {
				tuning.inspect(connection);
			}
			catch (SQLException | RuntimeException ex) {
				tuning.logUnchecked();
				logger.warn("The database is not reachable at start-up (" + ex.getMessage()
						+ "); the pool's lifetimes are checked against the server on its first successful connection");
			}
		}
	}

	/**
	 * Called with each connection a pool opens, until one has been inspected.
	 * @param dataSource the bean name of the pool
	 * @param connection the new physical connection
	 */
	void connectionOpened(String dataSource, Connection connection) {
		PoolTuning tuning = this.tunings.get(dataSource);
		if (tuning != null) {
			tuning.inspect(connection);
		}
	}

}
