package dev.hardenedboot.data.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.autoconfigure.jdbc.DataSourceHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * The data health contributors of the health contract: {@code db} (replacing Boot's, which
 * validates with {@code isValid(0)}) for readiness, and {@code writableTables},
 * {@code databaseReadOnly} and {@code hikariPool} for the deep group. Names come from the
 * bean names; starter-observability places them in groups and bounds each one.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
		before = DataSourceHealthContributorAutoConfiguration.class)
@ConditionalOnClass({ HealthContributor.class, DataSource.class })
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "hardened.data.health", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({ DataHealthProperties.class, WritableTablesProperties.class })
public class DataHealthAutoConfiguration {

	@Bean
	@ConditionalOnEnabledHealthIndicator("db")
	@ConditionalOnMissingBean(name = { "dbHealthIndicator", "dbHealthContributor" })
	HealthContributor dbHealthContributor(Map<String, DataSource> dataSources, DataHealthProperties properties) {
		return perDataSource(dataSources,
				(dataSource) -> new ConnectionValidHealthIndicator(dataSource, properties.getValidationTimeout()));
	}

	@Bean
	@ConditionalOnMissingBean(name = { "databaseReadOnlyHealthIndicator", "databaseReadOnlyHealthContributor" })
	HealthContributor databaseReadOnlyHealthContributor(Map<String, DataSource> dataSources) {
		return perDataSource(dataSources, DatabaseReadOnlyHealthIndicator::new);
	}

	@Bean
	@ConditionalOnSingleCandidate(DataSource.class)
	@ConditionalOnMissingBean(name = { "writableTablesHealthIndicator", "writableTablesHealthContributor" })
	HealthIndicator writableTablesHealthIndicator(ObjectProvider<DataSource> dataSource,
			WritableTablesProperties properties) {
		// The tables belong to the application's primary database.
		return new WritableTablesHealthIndicator(dataSource.getObject(), properties.getWritableTables());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HikariDataSource.class)
	@ConditionalOnBean(HikariDataSource.class)
	static class HikariPoolHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = { "hikariPoolHealthIndicator", "hikariPoolHealthContributor" })
		HealthContributor hikariPoolHealthContributor(Map<String, DataSource> dataSources,
				DataHealthProperties properties) {
			Map<String, HikariDataSource> pools = new LinkedHashMap<>();
			dataSources.forEach((name, dataSource) -> {
				HikariDataSource pool = DataSourceUnwrapper.unwrap(dataSource, HikariDataSource.class);
				if (pool != null) {
					pools.put(name, pool);
				}
			});
			Function<HikariDataSource, HealthIndicator> indicator = (pool) -> new HikariPoolHealthIndicator(pool,
					properties.getMaxThreadsAwaitingConnection());
			if (pools.size() == 1) {
				return indicator.apply(pools.values().iterator().next());
			}
			return CompositeHealthContributor.fromMap(pools, indicator);
		}

	}

	private static HealthContributor perDataSource(Map<String, DataSource> dataSources,
			Function<DataSource, HealthIndicator> indicator) {
		Map<String, DataSource> checked = new LinkedHashMap<>();
		// A routing data source has no connection of its own; its targets are beans too.
		dataSources.forEach((name, dataSource) -> {
			if (!(dataSource instanceof AbstractRoutingDataSource)) {
				checked.put(name, dataSource);
			}
		});
		if (checked.size() == 1) {
			return indicator.apply(checked.values().iterator().next());
		}
		return CompositeHealthContributor.fromMap(checked, indicator);
	}

}
