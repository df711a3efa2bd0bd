package dev.hardenedboot.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mounted configuration directory and {@code config.{profile}.yaml} in the working
 * directory, read by a real start-up in a child JVM.
 */
class ConfigFilesTests {

	@TempDir
	Path directory;

	@Test
	void mountedYamlAndKeyPerFileAreRead() throws Exception {
		Path mount = Files.createDirectories(this.directory.resolve("mount"));
		Files.writeString(mount.resolve("orders.yaml"), "db:\n  timeout: 4s\n");
		Files.writeString(mount.resolve("feature.flag"), "on\n");
		Map<String, String> seen = ChildJvm.run(this.directory, Map.of(), "--hardened.config.mount-dir=" + mount);
		assertThat(seen).containsEntry("db.timeout", "4s").containsEntry("feature.flag", "on");
	}

	@Test
	void kubernetesSymlinkLayoutIsFollowed() throws Exception {
		Path mount = Files.createDirectories(this.directory.resolve("mount"));
		Path version = Files.createDirectories(mount.resolve("..2026_11_27_10_00_00.123"));
		Files.writeString(version.resolve("feature.flag"), "canary");
		Files.writeString(version.resolve("app.properties"), "db.timeout=6s\n");
		Files.createSymbolicLink(mount.resolve("..data"), version.getFileName());
		Files.createSymbolicLink(mount.resolve("feature.flag"), Path.of("..data/feature.flag"));
		Files.createSymbolicLink(mount.resolve("app.properties"), Path.of("..data/app.properties"));
		Map<String, String> seen = ChildJvm.run(this.directory, Map.of(), "--hardened.config.mount-dir=" + mount);
		assertThat(seen).containsEntry("db.timeout", "6s").containsEntry("feature.flag", "canary");
	}

	@Test
	void missingMountDirectoryIsFine() throws Exception {
		assertThat(ChildJvm.run(this.directory, Map.of(), "--hardened.config.mount-dir=" + this.directory.resolve("none")))
			.containsEntry("db.timeout", "30s");
	}

	@Test
	void profileFileInTheWorkingDirectoryCountsForItsProfileOnly() throws Exception {
		Files.writeString(this.directory.resolve("config.prod.yaml"), "db:\n  timeout: 3s\n");
		assertThat(ChildJvm.run(this.directory, Map.of(), "--spring.profiles.active=prod"))
			.containsEntry("db.timeout", "3s");
		assertThat(ChildJvm.run(this.directory, Map.of())).containsEntry("db.timeout", "30s");
	}

	@Test
	void mountedConfigurationBeatsThePackagedFileAndLosesToPrefixedVariables() throws Exception {
		Path mount = Files.createDirectories(this.directory.resolve("mount"));
		Files.writeString(mount.resolve("orders.yaml"), "db:\n  timeout: 4s\n");
		String packaged = "--spring.config.location=classpath:env-prefix/application.yaml";
		assertThat(ChildJvm.run(this.directory, Map.of(), packaged, "--hardened.config.mount-dir=" + mount))
			.containsEntry("db.timeout", "4s");
		assertThat(ChildJvm.run(this.directory, Map.of("APP_DB_TIMEOUT", "5s"), packaged,
				"--hardened.config.mount-dir=" + mount))
			.containsEntry("db.timeout", "5s");
	}

}
