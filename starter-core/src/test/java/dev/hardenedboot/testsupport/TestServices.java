package dev.hardenedboot.testsupport;

import java.util.function.Supplier;

/**
 * Real services for integration tests, shared by every module through
 * {@code hardened-boot-starter-core}'s test-jar.
 *
 * <p>Each service is located once per JVM, in this order:
 * <ol>
 * <li>an explicit environment variable: {@code HARDENED_TEST_POSTGRES_URL},
 * {@code HARDENED_TEST_MARIADB_URL}, {@code HARDENED_TEST_REDIS_URL};</li>
 * <li>Testcontainers, when a Docker engine answers;</li>
 * <li>otherwise the test fails with a message naming the variable. Never a skip.</li>
 * </ol>
 * Containers and databases then live as long as the JVM, so cached Spring contexts keep
 * working connections. Typical use:
 * <pre class="code">
 * &#064;DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *     TestServices.postgres().applyTo(registry);
 * }
 * </pre>
 */
public final class TestServices {

	private static final ServiceLocator LOCATOR = new ServiceLocator(System::getenv,
			TestcontainersLauncher::dockerAvailable, new TestcontainersLauncher());

	private static final Shared<JdbcService> POSTGRES = new Shared<>(
			() -> JdbcService.createFreshDatabase(LOCATOR.locate(ServiceKind.POSTGRES)));

	private static final Shared<JdbcService> MARIADB = new Shared<>(
			() -> JdbcService.createFreshDatabase(LOCATOR.locate(ServiceKind.MARIADB)));

	private static final Shared<RedisService> REDIS = new Shared<>(
			() -> new RedisService(LOCATOR.locate(ServiceKind.REDIS)));

	private TestServices() {
	}

	/**
	 * A fresh PostgreSQL database for this JVM.
	 * @return the database
	 */
	public static JdbcService postgres() {
		return POSTGRES.get();
	}

	/**
	 * A fresh MariaDB database for this JVM.
	 * @return the database
	 */
	public static JdbcService mariadb() {
		return MARIADB.get();
	}

	/**
	 * The Redis server for this JVM.
	 * @return the server
	 */
	public static RedisService redis() {
		return REDIS.get();
	}

	/**
	 * Creates once and remembers the outcome, failure included, so every test that needs a
	 * missing service fails with the same message instead of retrying a slow lookup.
	 */
	static final class Shared<T> {

		private final Supplier<T> factory;

		private T value;

		private RuntimeException failure;

		Shared(Supplier<T> factory) {
			this.factory = factory;
		}

		synchronized T get() {
			if (this.value == null && this.failure == null) {
				try {
					this.value = this.factory.get();
				}
				catch (RuntimeException ex) {
					this.failure = ex;
				}
			}
			if (this.failure != null) {
				throw new IllegalStateException(this.failure.getMessage(), this.failure);
			}
			return this.value;
		}

	}

}
