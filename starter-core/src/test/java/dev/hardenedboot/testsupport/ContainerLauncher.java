package dev.hardenedboot.testsupport;

/**
 * Starts a throw-away service and returns its URL. The one implementation that matters is
 * {@link TestcontainersLauncher}; the interface exists so the source order can be tested on
 * machines without a Docker engine.
 */
@FunctionalInterface
interface ContainerLauncher {

	String start(ServiceKind kind);

}
