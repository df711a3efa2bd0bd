package dev.hardenedboot.testsupport;

/**
 * Where a real service for the tests was found.
 *
 * @param kind the service
 * @param url its URL (JDBC URL with {@code user}/{@code password} parameters, or a
 * {@code redis://} URL)
 * @param origin how it was found
 */
public record ServiceAddress(ServiceKind kind, String url, Origin origin) {

	/**
	 * How a service was found, in the order they are tried.
	 */
	public enum Origin {

		/** An explicit {@code HARDENED_TEST_*_URL} environment variable. */
		ENVIRONMENT,

		/** A container started by Testcontainers on a Docker engine that answered. */
		TESTCONTAINERS

	}

	@Override
	public String toString() {
		return this.kind.displayName() + " from " + this.origin + " at " + JdbcUrls.redactPassword(this.url);
	}

}
