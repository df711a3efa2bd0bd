package dev.hardenedboot.testsupport;

import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Finds a real service for integration tests: an explicit environment variable first, then
 * Testcontainers when a Docker engine answers, otherwise a failure that says how to provide
 * one. There is deliberately no "skip": a test that needs a database and silently does not
 * run is worse than a red build.
 */
final class ServiceLocator {

	private final Function<String, String> environment;

	private final BooleanSupplier dockerAvailable;

	private final ContainerLauncher launcher;

	ServiceLocator(Function<String, String> environment, BooleanSupplier dockerAvailable,
			ContainerLauncher launcher) {
		this.environment = environment;
		this.dockerAvailable = dockerAvailable;
		this.launcher = launcher;
	}

	ServiceAddress locate(ServiceKind kind) {
		String url = this.environment.apply(kind.environmentVariable());
		if (url != null && !url.isBlank()) {
			return new ServiceAddress(kind, checkScheme(kind, url.strip()), ServiceAddress.Origin.ENVIRONMENT);
		}
		if (this.dockerAvailable.getAsBoolean()) {
			return new ServiceAddress(kind, this.launcher.start(kind), ServiceAddress.Origin.TESTCONTAINERS);
		}
		throw new IllegalStateException("No " + kind.displayName() + " for integration tests. Set "
				+ kind.environmentVariable() + " (for example " + kind.environmentVariable() + "="
				+ kind.exampleUrl() + ") or start a Docker engine so Testcontainers can run "
				+ kind.image() + ". Tests that need a real service are never skipped.");
	}

	private static String checkScheme(ServiceKind kind, String url) {
		if (!kind.accepts(url)) {
			throw new IllegalStateException(kind.environmentVariable() + " is '" + JdbcUrls.redactPassword(url)
					+ "', which is not a " + kind.displayName() + " URL: it must start with "
					+ String.join(" or ", kind.schemes()) + ", for example " + kind.exampleUrl() + ".");
		}
		return url;
	}

}
