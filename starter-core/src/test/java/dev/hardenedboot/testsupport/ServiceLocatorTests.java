package dev.hardenedboot.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The source order of {@link ServiceLocator}. Docker is played by a stand-in here because
 * the machines this project's CI runs on have no Docker engine; the real services are
 * exercised by {@link TestServicesIntegrationTests}.
 */
class ServiceLocatorTests {

	private final AtomicInteger dockerProbes = new AtomicInteger();

	private final List<ServiceKind> launched = new ArrayList<>();

	@Test
	void environmentVariableWinsAndDockerIsNeverAsked() {
		ServiceLocator locator = locator(Map.of("HARDENED_TEST_POSTGRES_URL",
				"jdbc:postgresql://db.example:5432/test?user=app"), true);
		ServiceAddress address = locator.locate(ServiceKind.POSTGRES);
		assertThat(address.origin()).isEqualTo(ServiceAddress.Origin.ENVIRONMENT);
		assertThat(address.url()).isEqualTo("jdbc:postgresql://db.example:5432/test?user=app");
		assertThat(this.dockerProbes).hasValue(0);
		assertThat(this.launched).isEmpty();
	}

	@Test
	void eachServiceReadsItsOwnVariable() {
		ServiceLocator locator = locator(Map.of("HARDENED_TEST_MARIADB_URL", "jdbc:mariadb://m:3306/test",
				"HARDENED_TEST_REDIS_URL", "redis://r:6380"), false);
		assertThat(locator.locate(ServiceKind.MARIADB).url()).isEqualTo("jdbc:mariadb://m:3306/test");
		assertThat(locator.locate(ServiceKind.REDIS).url()).isEqualTo("redis://r:6380");
	}

	@Test
	void withoutVariableTestcontainersStartsTheServiceWhenDockerAnswers() {
		ServiceLocator locator = locator(Map.of(), true);
		ServiceAddress address = locator.locate(ServiceKind.REDIS);
		assertThat(address.origin()).isEqualTo(ServiceAddress.Origin.TESTCONTAINERS);
		assertThat(address.url()).isEqualTo("redis://container:1");
		assertThat(this.launched).containsExactly(ServiceKind.REDIS);
	}

	@Test
	void blankVariableCountsAsUnset() {
		ServiceLocator locator = locator(Map.of("HARDENED_TEST_POSTGRES_URL", "  "), true);
		assertThat(locator.locate(ServiceKind.POSTGRES).origin()).isEqualTo(ServiceAddress.Origin.TESTCONTAINERS);
	}

	@Test
	void withNeitherTheFailureNamesTheVariableAndNeverSkips() {
		ServiceLocator locator = locator(Map.of(), false);
		assertThatIllegalStateException().isThrownBy(() -> locator.locate(ServiceKind.MARIADB))
			.withMessageContaining("No MariaDB for integration tests")
			.withMessageContaining("HARDENED_TEST_MARIADB_URL=jdbc:mariadb://127.0.0.1:3306/test?user=root")
			.withMessageContaining("Docker")
			.withMessageContaining("never skipped");
		assertThat(this.launched).isEmpty();
	}

	@Test
	void variableWithTheWrongSchemeIsRejectedWithoutLeakingThePassword() {
		ServiceLocator locator = locator(
				Map.of("HARDENED_TEST_POSTGRES_URL", "jdbc:mysql://h:3306/test?user=u&password=hunter2"), true);
		assertThatIllegalStateException().isThrownBy(() -> locator.locate(ServiceKind.POSTGRES))
			.withMessageContaining("HARDENED_TEST_POSTGRES_URL")
			.withMessageContaining("must start with jdbc:postgresql://")
			.withMessageNotContaining("hunter2");
		assertThat(this.launched).isEmpty();
	}

	@Test
	void mariadbAcceptsMysqlUrls() {
		ServiceLocator locator = locator(Map.of("HARDENED_TEST_MARIADB_URL", "jdbc:mysql://h:3306/test"), false);
		assertThat(locator.locate(ServiceKind.MARIADB).origin()).isEqualTo(ServiceAddress.Origin.ENVIRONMENT);
	}

	private ServiceLocator locator(Map<String, String> environment, boolean docker) {
		return new ServiceLocator(environment::get, () -> {
			this.dockerProbes.incrementAndGet();
			return docker;
		}, (kind) -> {
			this.launched.add(kind);
			return (kind == ServiceKind.REDIS) ? "redis://container:1" : "jdbc:postgresql://container:1/test";
		});
	}

}
