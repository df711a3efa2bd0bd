package dev.hardenedboot.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts services with Testcontainers. Containers are never stopped explicitly: they live
 * as long as the test JVM, so a Spring context cached across test classes keeps a working
 * connection, and Testcontainers' reaper removes them when the JVM exits.
 */
final class TestcontainersLauncher implements ContainerLauncher {

	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	@Override
	public String start(ServiceKind kind) {
		DockerImageName image = DockerImageName.parse(kind.image());
		return switch (kind) {
			case POSTGRES -> {
				PostgreSQLContainer<?> container = new PostgreSQLContainer<>(image);
				container.start();
				yield JdbcUrls.withCredentials(container.getJdbcUrl(), container.getUsername(),
						container.getPassword());
			}
			case MARIADB -> {
				MariaDBContainer<?> container = new MariaDBContainer<>(image);
				container.start();
				// The container's own user cannot create databases; root shares its password.
				yield JdbcUrls.withCredentials(container.getJdbcUrl(), "root", container.getPassword());
			}
			case REDIS -> {
				GenericContainer<?> container = new GenericContainer<>(image).withExposedPorts(6379);
				container.start();
				yield "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
			}
		};
	}

}
