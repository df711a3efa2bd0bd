package dev.hardenedboot.data.pool;

import java.sql.Connection;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import dev.hardenedboot.data.jdbc.JdbcListenersAutoConfiguration;
import dev.hardenedboot.data.support.FailureAnalysisText;
import dev.hardenedboot.testsupport.TestServices;
import io.micrometer.core.instrument.binder.MeterBinder;
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

	@Test
	void borrowsAreTrackedInPlaceOfHikarisStackPerBorrow() {
		this.runner.withPropertyValues("spring.datasource.hikari.leak-detection-threshold=60000").run((context) -> {
			HikariDataSource pool = context.getBean(HikariDataSource.class);
			assertThat(context.getBean(ConnectionLeakDetector.class).trackers()).singleElement()
				.satisfies((tracker) -> assertThat(tracker.threshold()).isEqualTo(Duration.ofSeconds(60)));
			assertThat(pool.getMetricsTrackerFactory()).isNotNull();
			assertThat(pool.getLeakDetectionThreshold()).isZero();
			assertThat(context).hasSingleBean(TrackedPoolMeterBinder.class);
		});
	}

	@Test
	void everyBorrowLeavesLeakDetectionToHikari() {
		this.runner
			.withPropertyValues("hardened.data.pool.leak-stack-capture=every-borrow",
					"spring.datasource.hikari.leak-detection-threshold=60000")
			.run((context) -> {
				HikariDataSource pool = context.getBean(HikariDataSource.class);
				assertThat(context.getBean(ConnectionLeakDetector.class).trackers()).isEmpty();
				assertThat(pool.getMetricsTrackerFactory()).isNull();
				assertThat(pool.getLeakDetectionThreshold()).isEqualTo(60_000);
			});
	}

	@Test
	void poolWithItsOwnMetricsIsLeftToHikarisLeakDetection() {
		this.runner.withUserConfiguration(UserPoolWithMetrics.class).run((context) -> {
			HikariDataSource pool = context.getBean(HikariDataSource.class);
			assertThat(pool.getMetricsTrackerFactory()).isSameAs(UserPoolWithMetrics.FACTORY);
			assertThat(pool.getLeakDetectionThreshold()).isEqualTo(60_000);
			assertThat(context.getBean(ConnectionLeakDetector.class).trackers()).isEmpty();
		});
	}

	@Test
	void borrowsAreTrackedWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterBinder.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(TrackedPoolMeterBinder.class);
			assertThat(context.getBean(ConnectionLeakDetector.class).trackers()).hasSize(1);
			try (Connection connection = context.getBean(HikariDataSource.class).getConnection()) {
				assertThat(connection.isValid(1)).isTrue();
			}
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserPoolWithMetrics {

		static final MetricsTrackerFactory FACTORY = (poolName, poolStats) -> new IMetricsTracker() {
		};

		@Bean
		HikariDataSource dataSource() {
			HikariDataSource pool = new HikariDataSource();
			pool.setJdbcUrl(TestServices.postgres().jdbcUrl());
			pool.setLeakDetectionThreshold(60_000);
			pool.setMetricsTrackerFactory(FACTORY);
			return pool;
		}

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
