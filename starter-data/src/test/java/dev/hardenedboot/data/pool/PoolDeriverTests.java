package dev.hardenedboot.data.pool;

import java.time.Duration;
import java.util.Map;

import dev.hardenedboot.data.pool.PoolDerivation.Check;
import dev.hardenedboot.data.pool.PoolDerivation.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PoolDeriverTests {

	private static final Duration REQUEST = Duration.ofSeconds(30);

	private final DataPoolProperties properties = new DataPoolProperties();

	private static PoolDeriver.Configured hikariDefaults() {
		return new PoolDeriver.Configured(10, false, -1, Duration.ofMinutes(30), Duration.ofMinutes(2),
				Duration.ofSeconds(3), Duration.ofSeconds(60));
	}

	private PoolDerivation derive(ServerLimits server) {
		return PoolDeriver.derive("dataSource", hikariDefaults(), this.properties, server, REQUEST);
	}

	private static ServerLimits postgres(Duration idle, int maxConnections, int reserved) {
		return new ServerLimits("PostgreSQL", (idle != null) ? Map.of("idle_session_timeout", idle) : Map.of(), null,
				maxConnections, reserved);
	}

	private static Check check(PoolDerivation derivation, String name) {
		return derivation.checks().stream().filter((check) -> check.name().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void sizeIsTwiceTheBusyConnectionsRoundedUp() {
		this.properties.setPeakQps(200.0);
		this.properties.setP95QueryTime(Duration.ofMillis(25));
		PoolDerivation derivation = derive(null);
		assertThat(derivation.maximumPoolSize()).isEqualTo(10);
		assertThat(derivation.minimumIdle()).as("a fixed-size pool").isEqualTo(10);
		assertThat(check(derivation, "pool-size").reason()).contains("ceil(2 x 200.0 qps x 25 ms) = 10");
	}

	@Test
	void sizeIsAtLeastTwoAndCapped() {
		this.properties.setPeakQps(1.0);
		this.properties.setP95QueryTime(Duration.ofMillis(5));
		assertThat(derive(null).maximumPoolSize()).isEqualTo(2);
		this.properties.setPeakQps(5000.0);
		this.properties.setP95QueryTime(Duration.ofMillis(100));
		PoolDerivation capped = derive(null);
		assertThat(capped.maximumPoolSize()).isEqualTo(50);
		assertThat(check(capped, "pool-size").reason()).contains("max-size-cap=50");
	}

	@Test
	void instancesShareTheServersConnectionsMinusReservedSlots() {
		this.properties.setPeakQps(1000.0);
		this.properties.setP95QueryTime(Duration.ofMillis(20));
		this.properties.setInstances(8);
		PoolDerivation derivation = derive(postgres(null, 100, 3));
		assertThat(derivation.maximumPoolSize()).isEqualTo(97 / 8);
		assertThat(check(derivation, "pool-size").status()).isEqualTo(Status.PASS);
		assertThat(check(derivation, "pool-size").reason()).contains("8 instances fit in the server's 97 connections");
	}

	@Test
	void applicationSizeIsKeptButWarnedWhenTheServerCannotTakeIt() {
		this.properties.setInstances(20);
		PoolDeriver.Configured configured = new PoolDeriver.Configured(30, true, -1, Duration.ofMinutes(30),
				Duration.ofMinutes(2), Duration.ofSeconds(3), Duration.ofSeconds(60));
		PoolDerivation derivation = PoolDeriver.derive("dataSource", configured, this.properties,
				postgres(null, 100, 3), REQUEST);
		assertThat(derivation.maximumPoolSize()).isEqualTo(30);
		assertThat(check(derivation, "pool-size").status()).isEqualTo(Status.WARN);
	}

	@Test
	void withoutWorkloadTheDefaultSizeIsAWarning() {
		PoolDerivation derivation = derive(null);
		assertThat(derivation.maximumPoolSize()).isEqualTo(10);
		assertThat(check(derivation, "pool-size").status()).isEqualTo(Status.WARN);
		assertThat(check(derivation, "pool-size").property()).contains("hardened.data.pool.peak-qps");
	}

	@Test
	void lifetimeEndsThirtySecondsBeforeTheShortestIdleTimeout() {
		this.properties.setNetworkIdleTimeout(Duration.ofSeconds(350));
		PoolDerivation derivation = derive(postgres(Duration.ofSeconds(120), 100, 3));
		assertThat(derivation.maxLifetime()).isEqualTo(Duration.ofSeconds(90));
		assertThat(derivation.keepaliveTime()).isEqualTo(Duration.ofSeconds(60));
		assertThat(derivation.leakDetectionThreshold()).isEqualTo(Duration.ofSeconds(60));
		assertThat(check(derivation, "max-lifetime").status()).isEqualTo(Status.PASS);
		this.properties.setNetworkIdleTimeout(Duration.ofSeconds(100));
		assertThat(derive(postgres(Duration.ofSeconds(120), 100, 3)).maxLifetime()).isEqualTo(Duration.ofSeconds(70));
	}

	@Test
	void lifetimeStaysThirtyMinutesWithoutIdleTimeouts() {
		PoolDerivation derivation = derive(postgres(null, 100, 3));
		assertThat(derivation.maxLifetime()).isEqualTo(Duration.ofMinutes(30));
		assertThat(derivation.keepaliveTime()).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void shortServerTimeoutsAreFlooredAtHikarisMinimumAndWarned() {
		PoolDerivation derivation = derive(postgres(Duration.ofSeconds(45), 100, 3));
		assertThat(derivation.maxLifetime()).isEqualTo(Duration.ofSeconds(30));
		assertThat(derivation.keepaliveTime()).as("Hikari would disable it anyway").isZero();
		assertThat(derivation.leakDetectionThreshold()).isEqualTo(Duration.ofSeconds(29));
		assertThat(check(derivation, "max-lifetime").status()).isEqualTo(Status.WARN);
		assertThat(check(derivation, "max-lifetime").reason()).contains("idle_session_timeout=45s", "under 60s");
		assertThat(derivation.hasWarnings()).isTrue();
	}

	@Test
	void connectionTimeoutAsLongAsTheRequestDeadlineWarns() {
		PoolDeriver.Configured configured = new PoolDeriver.Configured(10, true, -1, Duration.ofMinutes(30),
				Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ZERO);
		PoolDerivation derivation = PoolDeriver.derive("dataSource", configured, this.properties, null, REQUEST);
		assertThat(check(derivation, "connection-timeout").status()).isEqualTo(Status.WARN);
		assertThat(check(derivation, "leak-detection").status()).isEqualTo(Status.WARN);
		assertThat(derivation.leakDetectionThreshold()).isZero();
	}

	@Test
	void idleInTransactionTimeoutIsReportedButNotUsed() {
		ServerLimits server = new ServerLimits("PostgreSQL", Map.of(), Duration.ofSeconds(10), 100, 3);
		PoolDerivation derivation = derive(server);
		assertThat(derivation.maxLifetime()).isEqualTo(Duration.ofMinutes(30));
		assertThat(check(derivation, "idle-in-transaction").reason()).contains("borrowed connections only");
	}

}
