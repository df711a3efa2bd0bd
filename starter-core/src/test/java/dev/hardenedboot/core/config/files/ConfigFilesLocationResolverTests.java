package dev.hardenedboot.core.config.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;

import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resolver and loader in process; the start-ups that use them run in child JVMs in
 * {@code ConfigFilesTests}.
 */
class ConfigFilesLocationResolverTests {

	private final ConfigFilesLocationResolver resolver = new ConfigFilesLocationResolver();

	@TempDir
	Path mount;

	@Test
	void documentsInNameOrderThenTheKeyPerFileDirectory() throws Exception {
		Files.writeString(this.mount.resolve("b.properties"), "b=2\n");
		Files.writeString(this.mount.resolve("a.yaml"), "a: 1\n");
		Files.writeString(this.mount.resolve("feature.flag"), "on\r\n");
		Files.writeString(this.mount.resolve(".hidden"), "x");
		List<ConfigFileResource> resources = this.resolver.resolve(context(this.mount),
				ConfigDataLocation.of("optional:hardened-config:"));
		assertThat(resources).extracting(ConfigFileResource::toString)
			.containsExactly("anchor of hardened-config[mount-dir]", "file " + this.mount.resolve("a.yaml"),
					"file " + this.mount.resolve("b.properties"), "key-per-file directory " + this.mount);
		ConfigFilesLoader loader = new ConfigFilesLoader();
		PropertySource<?> anchor = loader.load(null, resources.get(0)).getPropertySources().get(0);
		assertThat(anchor.getName()).isEqualTo(ConfigFileGroup.MOUNT_DIR.anchorName());
		assertThat(ConfigFileGroup.MOUNT_DIR.holds(anchor)).isFalse();
		assertThat(property(loader.load(null, resources.get(1)), "a")).isEqualTo(1);
		assertThat(property(loader.load(null, resources.get(2)), "b")).isEqualTo("2");
		PropertySource<?> keyPerFile = loader.load(null, resources.get(3)).getPropertySources().get(0);
		assertThat(keyPerFile.getProperty("feature.flag")).isEqualTo("on");
		assertThat(keyPerFile.getProperty(".hidden")).isNull();
		assertThat(ConfigFileGroup.MOUNT_DIR.holds(keyPerFile)).isTrue();
		assertThat(ConfigFileGroup.PROFILE_FILES.holds(keyPerFile)).isFalse();
	}

	@Test
	void missingDirectoryResolvesToItsAnchorOnly() {
		assertThat(this.resolver.resolve(context(this.mount.resolve("absent")),
				ConfigDataLocation.of("optional:hardened-config:")))
			.extracting(ConfigFileResource::toString)
			.containsExactly("anchor of hardened-config[mount-dir]");
		assertThat(this.resolver.isResolvable(context(this.mount), ConfigDataLocation.of("hardened-config:"))).isTrue();
		assertThat(this.resolver.isResolvable(context(this.mount), ConfigDataLocation.of("file:./x.yaml"))).isFalse();
	}

	@Test
	void importIsALowestPriorityDefault() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.config.import", "optional:file:x.yaml");
		new ConfigFilesEnvironmentPostProcessor().postProcessEnvironment(environment, null);
		assertThat(environment.getProperty("spring.config.import")).isEqualTo("optional:file:x.yaml");
		StandardEnvironment plain = new StandardEnvironment();
		new ConfigFilesEnvironmentPostProcessor().postProcessEnvironment(plain, null);
		assertThat(plain.getProperty("spring.config.import")).isEqualTo("optional:hardened-config:");
	}

	@Test
	void resourcesAreValues() {
		ConfigFileResource one = resource(ConfigFileGroup.MOUNT_DIR, ConfigFileResource.Kind.KEY_PER_FILE);
		assertThat(one).isEqualTo(resource(ConfigFileGroup.MOUNT_DIR, ConfigFileResource.Kind.KEY_PER_FILE))
			.hasSameHashCodeAs(resource(ConfigFileGroup.MOUNT_DIR, ConfigFileResource.Kind.KEY_PER_FILE))
			.isNotEqualTo(resource(ConfigFileGroup.MOUNT_DIR, ConfigFileResource.Kind.DOCUMENT))
			.isNotEqualTo(resource(ConfigFileGroup.PROFILE_FILES, ConfigFileResource.Kind.KEY_PER_FILE));
	}

	private ConfigFileResource resource(ConfigFileGroup group, ConfigFileResource.Kind kind) {
		return new ConfigFileResource(group, this.mount, kind);
	}

	private static Object property(ConfigData data, String name) {
		return data.getPropertySources().get(0).getProperty(name);
	}

	private static ConfigDataLocationResolverContext context(Path mountDir) {
		ConfigDataLocationResolverContext context = Mockito.mock(ConfigDataLocationResolverContext.class);
		Mockito.when(context.getBinder())
			.thenReturn(new Binder(new MapConfigurationPropertySource(
					Map.of("hardened.config.mount-dir", mountDir.toString()))));
		return context;
	}

}
