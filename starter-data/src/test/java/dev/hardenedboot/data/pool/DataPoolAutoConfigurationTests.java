package dev.hardenedboot.data.pool;

import com.zaxxer.hikari.HikariDataSource;
import dev.hardenedboot.data.jdbc.JdbcListenersAutoConfiguration;
import dev.hardenedboot.data.support.FailureAnalysisText;
import dev.hardenedboot.testsupport.TestServices;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class DataPoolAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JdbcListenersAutoConfiguration.class, DataPoolAutoConfiguration.class,
				DataSourceAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + TestServices.postgres().jdbcUrl());

	@Test
	void onByDefaultBeneathThePool() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PoolDerivations.class).hasSingleBean(HikariPoolTuner.class);
			HikariDataSource pool = context.getBean(HikariDataSource.class);
			assertThat(pool.getDataSource()).as("the listeners sit beneath the pool")
				.isInstanceOf(ProxyDataSource.class);
			assertThat(context.getBean(PoolDerivations.class).all()).containsOnlyKeys("dataSource");
		});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.data.pool.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(PoolDerivations.class).doesNotHaveBean(HikariPoolTuner.class);
			assertThat(context.getBean(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(10);
		});
	}

	@Test
	void backsOffToTheApplicationsDerivationsBean() {
		this.runner.withUserConfiguration(UserDerivations.class)
			.run((context) -> assertThat(context.getBean(PoolDerivations.class))
				.isSameAs(context.getBean(UserDerivations.class).derivations));
	}

	@Test
	void absentWithoutHikari() {
		this.runner.withClassLoader(new FilteredClassLoader(HikariDataSource.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PoolDerivations.class));
	}

	@Test
	void applicationSizeWinsOverTheWorkload() {
		this.runner
			.withPropertyValues("spring.datasource.hikari.maximum-pool-size=7", "hardened.data.pool.peak-qps=500",
					"hardened.data.pool.p95-query-time=100ms")
			.run((context) -> assertThat(context.getBean(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(7));
	}

	@Test
	void invalidWorkloadIsExplained() {
		this.runner.withPropertyValues("hardened.data.pool.peak-qps=-5").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureAnalysisText.of(context.getStartupFailure())).contains("hardened.data.pool.peak-qps",
					"-5");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserDerivations {

		final PoolDerivations derivations = new PoolDerivations();

		@Bean
		PoolDerivations poolDerivations() {
			return this.derivations;
		}

	}

}
