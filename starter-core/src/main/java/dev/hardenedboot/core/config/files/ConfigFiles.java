package dev.hardenedboot.core.config.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The configuration files Hardened Boot imports, as they are on disk now: the mounted
 * directory {@code hardened.config.mount-dir} (its YAML and properties files in name order,
 * then its other files read key-per-file, as a Kubernetes ConfigMap or Secret lays them out)
 * and {@code config.{profile}.yaml} in the working directory for each active profile. Start-up
 * reads them through Boot's config data API; a reload reads them again through this class, so
 * both see the same files in the same order.
 */
public final class ConfigFiles {

	/** The property naming the mounted directory. */
	public static final String MOUNT_DIR_PROPERTY = "hardened.config.mount-dir";

	static final String DEFAULT_MOUNT_DIR = "/etc/config";

	private static final List<String> PROFILE_FILE_EXTENSIONS = List.of("yaml", "yml", "properties");

	private final Path mountDir;

	private final Path workingDir;

	private final List<String> profiles;

	ConfigFiles(Path mountDir, Path workingDir, Collection<String> profiles) {
		this.mountDir = mountDir.toAbsolutePath();
		this.workingDir = workingDir.toAbsolutePath();
		this.profiles = List.copyOf(profiles);
	}

	/**
	 * The files {@code environment} names: its mounted directory, the working directory, and
	 * its active profiles.
	 * @param environment the application's environment
	 * @return the configuration files
	 */
	public static ConfigFiles of(Environment environment) {
		return new ConfigFiles(Path.of(environment.getProperty(MOUNT_DIR_PROPERTY, DEFAULT_MOUNT_DIR)), Path.of(""),
				List.of(environment.getActiveProfiles()));
	}

	/**
	 * The directories whose changes may change the files: the mounted directory (a Kubernetes
	 * update swaps its {@code ..data} link) and the working directory.
	 * @return the directories, the mounted one first
	 */
	public List<Path> directories() {
		return List.of(this.mountDir, this.workingDir);
	}

	/**
	 * Whether a file of this name in the working directory could be a profile file.
	 * @param fileName the file's name
	 * @return whether a change to it matters
	 */
	public boolean isProfileFileName(String fileName) {
		return fileName.startsWith("config.");
	}

	/**
	 * A hash of every file's name and content, following symbolic links: equal hashes, equal
	 * configuration.
	 * @return the digest, hex
	 */
	public String digest() {
		MessageDigest digest = sha256();
		for (ConfigFileGroup group : ConfigFileGroup.values()) {
			for (ConfigFileResource resource : resources(group)) {
				if (resource.kind() == ConfigFileResource.Kind.DOCUMENT) {
					update(digest, resource.path());
				}
				else if (resource.kind() == ConfigFileResource.Kind.KEY_PER_FILE) {
					keyFiles(resource.path()).forEach((file) -> update(digest, file));
				}
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * Reads every file, with Boot's YAML and properties loaders so origins carry file and line.
	 * @return per group, its property sources in ascending priority (the anchor left out)
	 * @throws IOException when a file cannot be read or parsed
	 */
	public Map<ConfigFileGroup, List<PropertySource<?>>> load() throws IOException {
		Map<ConfigFileGroup, List<PropertySource<?>>> loaded = new EnumMap<>(ConfigFileGroup.class);
		for (ConfigFileGroup group : ConfigFileGroup.values()) {
			List<PropertySource<?>> sources = new ArrayList<>();
			for (ConfigFileResource resource : resources(group)) {
				if (resource.kind() != ConfigFileResource.Kind.ANCHOR) {
					sources.addAll(load(resource));
				}
			}
			loaded.put(group, sources);
		}
		return loaded;
	}

	/**
	 * A group's resources in ascending priority: the anchor, the documents, the key-per-file
	 * directory. For profile files, later profiles win, as with Boot's own profile files.
	 */
	List<ConfigFileResource> resources(ConfigFileGroup group) {
		List<ConfigFileResource> resources = new ArrayList<>();
		if (group == ConfigFileGroup.MOUNT_DIR) {
			resources.add(new ConfigFileResource(group, this.mountDir, ConfigFileResource.Kind.ANCHOR));
			List<Path> files = visibleFiles(this.mountDir);
			files.stream()
				.filter(ConfigFiles::isDocument)
				.forEach((file) -> resources.add(new ConfigFileResource(group, file, ConfigFileResource.Kind.DOCUMENT)));
			if (files.stream().anyMatch((file) -> !isDocument(file))) {
				resources.add(new ConfigFileResource(group, this.mountDir, ConfigFileResource.Kind.KEY_PER_FILE));
			}
		}
		else {
			resources.add(new ConfigFileResource(group, this.workingDir, ConfigFileResource.Kind.ANCHOR));
			for (String profile : this.profiles) {
				for (String extension : PROFILE_FILE_EXTENSIONS) {
					Path file = this.workingDir.resolve("config." + profile + "." + extension);
					if (Files.isRegularFile(file)) {
						resources.add(new ConfigFileResource(group, file, ConfigFileResource.Kind.DOCUMENT));
					}
				}
			}
		}
		return resources;
	}

	static List<PropertySource<?>> load(ConfigFileResource resource) throws IOException {
		ConfigFileGroup group = resource.group();
		Path path = resource.path();
		return switch (resource.kind()) {
			case ANCHOR -> List.of(new MapPropertySource(group.anchorName(), Map.of()));
			case KEY_PER_FILE -> List.of(keyPerFile(group, path));
			case DOCUMENT -> {
				PropertySourceLoader loader = path.getFileName().toString().endsWith(".properties")
						? new PropertiesPropertySourceLoader() : new YamlPropertySourceLoader();
				try {
					yield loader.load(group.sourceName("file '" + path + "'"), new FileSystemResource(path));
				}
				catch (RuntimeException ex) {
					// The parsers' messages give line and column but not the file.
					throw new IllegalStateException(path + ": " + ex.getMessage(), ex);
				}
			}
		};
	}

	private static PropertySource<?> keyPerFile(ConfigFileGroup group, Path directory) throws IOException {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (Path file : keyFiles(directory)) {
			String content = Files.readString(file, StandardCharsets.UTF_8);
			properties.put(file.getFileName().toString(), content.endsWith("\n")
					? content.substring(0, content.length() - (content.endsWith("\r\n") ? 2 : 1)) : content);
		}
		return new OriginTrackedMapPropertySource(group.sourceName("key-per-file directory '" + directory + "'"),
				properties);
	}

	private static List<Path> keyFiles(Path directory) {
		return visibleFiles(directory).stream().filter((file) -> !isDocument(file)).toList();
	}

	/**
	 * The directory's entries that are files, following symbolic links (Kubernetes links each
	 * key to {@code ..data/key}), without hidden ones ({@code ..data}, {@code ..2026_...}), in
	 * name order.
	 */
	private static List<Path> visibleFiles(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
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

	private static boolean isDocument(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".properties");
	}

	private static void update(MessageDigest digest, Path file) {
		digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
		try {
			digest.update(Files.readAllBytes(file));
		}
		catch (NoSuchFileException ex) {
			// Removed between listing and reading: the next look sees the directory without it.
			digest.update((byte) 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
