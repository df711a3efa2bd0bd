package dev.hardenedboot.data.pool;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.binder.MeterBinder;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * HikariCP pools sized from the declared workload and capped by the server, with lifetimes
 * below the server's idle timeouts. The derivation is logged at start-up and kept in the
 * {@link PoolDerivations} bean for the hardening report. Leaked connections are found by
 * tracking borrows ({@link ConnectionLeakDetector}) rather than by Hikari's stack per borrow.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({ HikariDataSource.class, MethodExecutionListener.class })
@ConditionalOnProperty(prefix = "hardened.data.pool", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(DataPoolProperties.class)
public class DataPoolAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static PoolDerivations poolDerivations() {
		return new PoolDerivations();
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ConnectionLeakDetector hardenedConnectionLeakDetector() {
		return new ConnectionLeakDetector(Duration.ofSeconds(1));
	}

	@Bean
	static HikariPoolTuner hardenedHikariPoolTuner(@Lazy DataPoolProperties properties, PoolDerivations derivations,
			ConnectionLeakDetector leakDetector, Environment environment) {
		return new HikariPoolTuner(properties, derivations, leakDetector, environment);
	}

	@Bean
	static FirstConnectionListener hardenedFirstConnectionListener(HikariPoolTuner tuner) {
		return new FirstConnectionListener(tuner);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class TrackedPoolMetricsConfiguration {

		@Bean
		TrackedPoolMeterBinder hardenedTrackedPoolMeterBinder(ConnectionLeakDetector leakDetector) {
			return new TrackedPoolMeterBinder(leakDetector);
		}

	}

}
