package dev.hardenedboot.core.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Files that hold key material (TLS keys, key stores, the configuration key) readable by
 * other users of the machine. Group-readable is a warning: Kubernetes mounts Secrets that way
 * under {@code fsGroup}.
 */
class KeyFilePermissionsCheck implements HardeningCheck {

	private static final Pattern KEY_PROPERTY = Pattern.compile("hardened\\.config\\.key-file|server\\.ssl\\.key-store"
			+ "|server\\.ssl\\.certificate-private-key|spring\\.ssl\\.bundle\\.(jks|pem)\\.[^.]+\\.keystore\\."
			+ "(location|private-key)");

	private final ConfigurableEnvironment environment;

	KeyFilePermissionsCheck(ConfigurableEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public List<HardeningFinding> check() {
		List<HardeningFinding> findings = new ArrayList<>();
		keyFiles().forEach((property, file) -> {
			Set<PosixFilePermission> permissions = permissions(file);
			String fix = "Run 'chmod 600 " + file + "' (or mount the Secret with defaultMode 0400).";
			if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
				findings.add(HardeningFinding.fail("core", "key-files.permissions",
						"The key file " + file + " (" + property + ") can be read by every user of the machine.", fix));
			}
			else if (permissions.contains(PosixFilePermission.GROUP_READ)) {
				findings.add(HardeningFinding.warn("core", "key-files.permissions",
						"The key file " + file + " (" + property + ") can be read by its group; expected only for a "
								+ "Kubernetes Secret mounted with fsGroup.",
						fix));
			}
			else {
				findings.add(HardeningFinding.pass("core", "key-files.permissions",
						"The key file " + file + " (" + property + ") is readable by its owner only."));
			}
		});
		return findings;
	}

	/** The key files the configuration names, by property: files only, not class path or inline PEM. */
	private Map<String, Path> keyFiles() {
		Map<String, Path> files = new TreeMap<>();
		for (PropertySource<?> source : this.environment.getPropertySources()) {
			if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			for (String name : enumerable.getPropertyNames()) {
				if (!files.containsKey(name) && KEY_PROPERTY.matcher(name).matches()) {
					String value = this.environment.getProperty(name, "");
					String path = value.startsWith("file:") ? value.substring("file:".length()) : value;
					if (!path.isBlank() && !path.contains(":") && !path.startsWith("-----")
							&& Files.isRegularFile(Path.of(path))) {
						files.put(name, Path.of(path));
					}
				}
			}
		}
		return files;
	}

	private static Set<PosixFilePermission> permissions(Path file) {
		try {
			return Files.getPosixFilePermissions(file);
		}
		catch (IOException | UnsupportedOperationException ex) {
			return Set.of();
		}
	}

}
