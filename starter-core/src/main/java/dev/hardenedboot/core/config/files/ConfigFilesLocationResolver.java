package dev.hardenedboot.core.config.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.config.Profiles;

/**
 * Resolves {@value #PREFIX}, which Hardened Boot imports by default: the files of the mounted
 * directory {@code hardened.config.mount-dir} (default {@code /etc/config}: its YAML and
 * properties files, and its other files read key-per-file as a Kubernetes ConfigMap or Secret
 * lays them out), and {@code config.{profile}.yaml} in the working directory for each active
 * profile. Everything is optional: a missing directory or file is skipped.
 */
class ConfigFilesLocationResolver implements ConfigDataLocationResolver<ConfigFileResource> {

	static final String PREFIX = "hardened-config:";

	static final String MOUNT_DIR_PROPERTY = "hardened.config.mount-dir";

	static final String DEFAULT_MOUNT_DIR = "/etc/config";

	@Override
	public boolean isResolvable(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		return location.hasPrefix(PREFIX);
	}

	@Override
	public List<ConfigFileResource> resolve(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		Path mountDir = Path.of(context.getBinder().bind(MOUNT_DIR_PROPERTY, String.class).orElse(DEFAULT_MOUNT_DIR));
		if (!Files.isDirectory(mountDir)) {
			return List.of();
		}
		List<ConfigFileResource> resources = new ArrayList<>();
		boolean keyPerFile = false;
		for (Path file : visibleFiles(mountDir)) {
			if (isDocument(file)) {
				resources.add(new ConfigFileResource(file, ConfigFileResource.Kind.DOCUMENT));
			}
			else {
				keyPerFile = true;
			}
		}
		if (keyPerFile) {
			resources.add(new ConfigFileResource(mountDir, ConfigFileResource.Kind.KEY_PER_FILE));
		}
		// Later resources win in Boot's order; the files of a directory are read in name order.
		return resources;
	}

	@Override
	public List<ConfigFileResource> resolveProfileSpecific(ConfigDataLocationResolverContext context,
			ConfigDataLocation location, Profiles profiles) {
		List<ConfigFileResource> resources = new ArrayList<>();
		for (String profile : profiles.getActive()) {
			for (String extension : List.of("yaml", "yml", "properties")) {
				Path file = Path.of("config." + profile + "." + extension).toAbsolutePath();
				if (Files.isRegularFile(file)) {
					resources.add(new ConfigFileResource(file, ConfigFileResource.Kind.DOCUMENT));
				}
			}
		}
		return resources;
	}

	/**
	 * The directory's entries that are files, following symbolic links (Kubernetes links each
	 * key to {@code ..data/key}), without hidden ones ({@code ..data}, {@code ..2026_...}).
	 */
	static List<Path> visibleFiles(Path directory) {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.filter((entry) -> !entry.getFileName().toString().startsWith("."))
				.filter(Files::isRegularFile)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	static boolean isDocument(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".properties");
	}

}
