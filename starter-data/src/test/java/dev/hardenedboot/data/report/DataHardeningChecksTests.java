package dev.hardenedboot.data.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.hardenedboot.core.report.HardeningFinding;
import dev.hardenedboot.core.report.HardeningStatus;
import dev.hardenedboot.data.pool.DataPoolProperties;
import dev.hardenedboot.data.pool.PoolDerivation;
import dev.hardenedboot.data.pool.PoolDerivation.Check;
import dev.hardenedboot.data.pool.PoolDerivation.Status;
import dev.hardenedboot.data.pool.RecordedPoolDerivations;
import dev.hardenedboot.data.pool.ServerLimits;
import org.junit.jupiter.api.Test;

import org.springframework.lang.Nullable;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each of the data starter's checks, passing and failing.
 */
class DataHardeningChecksTests {

	private static final ServerLimits POSTGRES = new ServerLimits("PostgreSQL",
			Map.of("idle_session_timeout", Duration.ofMinutes(10)), null, 100, 3);

	@Test
	void undeclaredWorkloadWarnsNamingTheProperties() {
		HardeningFinding size = find(poolCheck(null, derivation(10, null, new Check("pool-size", Status.WARN,
				"no workload declared: Hikari's default of 10 connections is a guess",
				"hardened.data.pool.peak-qps, hardened.data.pool.p95-query-time"))), "pool.size");
		assertThat(size.status()).isEqualTo(HardeningStatus.WARN);
		assertThat(size.reason()).contains("Pool 'dataSource'", "is a guess");
		assertThat(size.fix()).contains("hardened.data.pool.peak-qps", "hardened.data.pool.p95-query-time");
	}

	@Test
	void derivedSizePassesWithItsFormula() {
		HardeningFinding size = find(poolCheck(null, derivation(8, null, new Check("pool-size", Status.PASS,
				"ceil(2 x 200.0 qps x 20 ms) = 8", "hardened.data.pool.peak-qps, hardened.data.pool.p95-query-time"))),
				"pool.size");
		assertThat(size.status()).isEqualTo(HardeningStatus.PASS);
		assertThat(size.reason()).contains("ceil(2 x 200.0 qps x 20 ms) = 8");
		assertThat(size.fix()).isEmpty();
	}

	@Test
	void derivationChecksKeepTheirVerdictAndProperty() {
		List<HardeningFinding> findings = poolCheck(null, derivation(10, POSTGRES,
				new Check("max-lifetime", Status.WARN, "wait_timeout=40s is under 60s", "wait_timeout"),
				new Check("leak-detection", Status.WARN, "leak detection is off",
						"spring.datasource.hikari.leak-detection-threshold"),
				new Check("connection-timeout", Status.PASS, "a request waits at most 3000 ms",
						"spring.datasource.hikari.connection-timeout")));
		assertThat(find(findings, "pool.lifetime").status()).isEqualTo(HardeningStatus.WARN);
		assertThat(find(findings, "pool.lifetime").fix()).contains("wait_timeout");
		assertThat(find(findings, "pool.leak-detection").status()).isEqualTo(HardeningStatus.WARN);
		assertThat(find(findings, "pool.leak-detection").fix())
			.contains("spring.datasource.hikari.leak-detection-threshold");
		assertThat(find(findings, "pool.connection-timeout").status()).isEqualTo(HardeningStatus.PASS);
	}

	@Test
	void leakDetectionAndConnectionTimeoutPassAndWarn() {
		List<HardeningFinding> passing = poolCheck(null, derivation(10, null,
				new Check("leak-detection", Status.PASS, "a connection held over 30s is logged",
						"spring.datasource.hikari.leak-detection-threshold"),
				new Check("connection-timeout", Status.WARN, "a request waits up to 30000 ms",
						"spring.datasource.hikari.connection-timeout"),
				new Check("max-lifetime", Status.PASS, "max-lifetime 570s", "spring.datasource.hikari.max-lifetime")));
		assertThat(find(passing, "pool.leak-detection").status()).isEqualTo(HardeningStatus.PASS);
		assertThat(find(passing, "pool.connection-timeout").status()).isEqualTo(HardeningStatus.WARN);
		assertThat(find(passing, "pool.connection-timeout").fix())
			.contains("spring.datasource.hikari.connection-timeout");
		assertThat(find(passing, "pool.lifetime").status()).isEqualTo(HardeningStatus.PASS);
	}

	@Test
	void instancesTimesPoolOverMaxConnectionsFails() {
		HardeningFinding connections = find(poolCheck(10, derivation(20, POSTGRES)), "pool.max-connections");
		assertThat(connections.status()).isEqualTo(HardeningStatus.FAIL);
		assertThat(connections.reason()).contains("10 instances x 20 connections = 200", "accepts 97",
				"max_connections 100 minus 3 reserved");
		assertThat(connections.fix()).contains("at most 9");
	}

	@Test
	void instancesTimesPoolWithinMaxConnectionsPasses() {
		HardeningFinding connections = find(poolCheck(4, derivation(20, POSTGRES)), "pool.max-connections");
		assertThat(connections.status()).isEqualTo(HardeningStatus.PASS);
		assertThat(connections.reason()).contains("4 instances x 20 connections = 80");
	}

	@Test
	void maxConnectionsIsNotCheckedWithoutInstancesAndWarnsWhileUnknown() {
		assertThat(poolCheck(null, derivation(20, POSTGRES))).extracting(HardeningFinding::id)
			.doesNotContain("pool.max-connections");
		HardeningFinding unknown = find(poolCheck(4, derivation(20, null)), "pool.max-connections");
		assertThat(unknown.status()).isEqualTo(HardeningStatus.WARN);
		assertThat(unknown.reason()).contains("no connection has succeeded yet");
	}

	@Test
	void openInView() {
		assertThat(find(jpa(new MockEnvironment()), "jpa.open-in-view").status()).isEqualTo(HardeningStatus.WARN);
		HardeningFinding on = find(jpa(new MockEnvironment().withProperty("spring.jpa.open-in-view", "true")),
				"jpa.open-in-view");
		assertThat(on.status()).isEqualTo(HardeningStatus.WARN);
		assertThat(on.fix()).contains("spring.jpa.open-in-view=false");
		assertThat(find(jpa(new MockEnvironment().withProperty("spring.jpa.open-in-view", "false")),
				"jpa.open-in-view").status())
			.isEqualTo(HardeningStatus.PASS);
	}

	@Test
	void schemaGenerationOutsideDevelopmentProfiles() {
		assertThat(ddlAuto(new MockEnvironment())).isEqualTo(HardeningStatus.PASS);
		assertThat(ddlAuto(new MockEnvironment().withProperty("spring.jpa.hibernate.ddl-auto", "validate")))
			.isEqualTo(HardeningStatus.PASS);
		assertThat(ddlAuto(new MockEnvironment().withProperty("spring.jpa.hibernate.ddl-auto", "create-drop")))
			.isEqualTo(HardeningStatus.FAIL);
		assertThat(ddlAuto(new MockEnvironment().withProperty("spring.jpa.properties.hibernate.hbm2ddl.auto",
				"create")))
			.isEqualTo(HardeningStatus.FAIL);
		assertThat(ddlAuto(new MockEnvironment().withProperty("spring.jpa.hibernate.ddl-auto", "update")))
			.isEqualTo(HardeningStatus.WARN);
		MockEnvironment dev = new MockEnvironment().withProperty("spring.jpa.hibernate.ddl-auto", "create-drop");
		dev.setActiveProfiles("dev");
		assertThat(ddlAuto(dev)).isEqualTo(HardeningStatus.PASS);
		MockEnvironment prod = new MockEnvironment().withProperty("spring.jpa.hibernate.ddl-auto", "update");
		prod.setActiveProfiles("prod");
		assertThat(find(jpa(prod), "jpa.ddl-auto").fix()).contains("validate", "migrations");
	}

	private static List<HardeningFinding> poolCheck(@Nullable Integer instances, PoolDerivation derivation) {
		DataPoolProperties properties = new DataPoolProperties();
		properties.setInstances(instances);
		return new PoolCheck(RecordedPoolDerivations.of(derivation), properties).check();
	}

	private static PoolDerivation derivation(int size, @Nullable ServerLimits server, Check... checks) {
		return new PoolDerivation("dataSource", size, size, Duration.ofMinutes(9), Duration.ofMinutes(2),
				Duration.ofSeconds(3), Duration.ZERO, server, List.of(checks));
	}

	private static List<HardeningFinding> jpa(MockEnvironment environment) {
		return new JpaCheck(environment).check();
	}

	private static HardeningStatus ddlAuto(MockEnvironment environment) {
		return find(jpa(environment), "jpa.ddl-auto").status();
	}

	private static HardeningFinding find(List<HardeningFinding> findings, String id) {
		return findings.stream().filter((finding) -> finding.id().equals(id)).findFirst().orElseThrow();
	}

}
