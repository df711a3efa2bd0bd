package dev.hardenedboot.data.report;

import com.zaxxer.hikari.HikariDataSource;
import dev.hardenedboot.core.report.HardeningCheck;
import dev.hardenedboot.data.pool.DataPoolAutoConfiguration;
import dev.hardenedboot.data.pool.DataPoolProperties;
import dev.hardenedboot.data.pool.PoolDerivations;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The data starter's hardening checks: the pool's derivation, read from the
 * {@link PoolDerivations} the pool starter keeps, and the JPA settings.
 */
@AutoConfiguration(after = DataPoolAutoConfiguration.class)
@ConditionalOnClass(HardeningCheck.class)
@ConditionalOnProperty(prefix = "hardened.report", name = "enabled", matchIfMissing = true)
public class DataHardeningChecksAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HikariDataSource.class)
	@ConditionalOnBean({ PoolDerivations.class, DataPoolProperties.class })
	static class PoolChecksConfiguration {

		@Bean
		HardeningCheck dataPoolCheck(PoolDerivations derivations, DataPoolProperties properties) {
			return new PoolCheck(derivations, properties);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "jakarta.persistence.EntityManagerFactory")
	static class JpaChecksConfiguration {

		@Bean
		HardeningCheck dataJpaCheck(Environment environment) {
			return new JpaCheck(environment);
		}

	}

}
