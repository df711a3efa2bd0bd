package dev.hardenedboot.testsupport;

import java.util.List;

/**
 * The real services integration tests may ask for, with the environment variable that
 * points at an existing server and the image Testcontainers starts when none is given.
 */
public enum ServiceKind {

	POSTGRES("PostgreSQL", "HARDENED_TEST_POSTGRES_URL", "postgres:16-alpine",
			"jdbc:postgresql://127.0.0.1:5432/test?user=postgres", List.of("jdbc:postgresql://")),

	MARIADB("MariaDB", "HARDENED_TEST_MARIADB_URL", "mariadb:11.4",
			"jdbc:mariadb://127.0.0.1:3306/test?user=root", List.of("jdbc:mariadb://", "jdbc:mysql://")),

	REDIS("Redis", "HARDENED_TEST_REDIS_URL", "redis:7-alpine", "redis://127.0.0.1:6379",
			List.of("redis://"));

	private final String displayName;

	private final String environmentVariable;

	private final String image;

	private final String exampleUrl;

	private final List<String> schemes;

	ServiceKind(String displayName, String environmentVariable, String image, String exampleUrl,
			List<String> schemes) {
		this.displayName = displayName;
		this.environmentVariable = environmentVariable;
		this.image = image;
		this.exampleUrl = exampleUrl;
		this.schemes = schemes;
	}

	public String displayName() {
		return this.displayName;
	}

	public String environmentVariable() {
		return this.environmentVariable;
	}

	public String image() {
		return this.image;
	}

	public String exampleUrl() {
		return this.exampleUrl;
	}

	boolean accepts(String url) {
		return this.schemes.stream().anyMatch(url::startsWith);
	}

	List<String> schemes() {
		return this.schemes;
	}

}
