package dev.hardenedboot.core.config.files;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.config.Profiles;

/**
 * Resolves {@value #PREFIX}, which Hardened Boot imports by default, to the files of
 * {@link ConfigFiles}: the mounted directory's, and, once profiles are known, the active
 * profiles' {@code config.{profile}.yaml}. Everything is optional: a missing directory or file
 * is skipped. Each group also resolves to its anchor, so a reload can add a file that did not
 * exist at start-up in the right place.
 */
class ConfigFilesLocationResolver implements ConfigDataLocationResolver<ConfigFileResource> {

	static final String PREFIX = "hardened-config:";

	@Override
	public boolean isResolvable(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		return location.hasPrefix(PREFIX);
	}

	@Override
	public List<ConfigFileResource> resolve(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		Path mountDir = Path.of(context.getBinder()
			.bind(ConfigFiles.MOUNT_DIR_PROPERTY, String.class)
			.orElse(ConfigFiles.DEFAULT_MOUNT_DIR));
		// In Boot's order, later resources win.
		return new ConfigFiles(mountDir, Path.of(""), List.of()).resources(ConfigFileGroup.MOUNT_DIR);
	}

	@Override
	public List<ConfigFileResource> resolveProfileSpecific(ConfigDataLocationResolverContext context,
			ConfigDataLocation location, Profiles profiles) {
		return new ConfigFiles(Path.of(ConfigFiles.DEFAULT_MOUNT_DIR), Path.of(""), profiles.getActive())
			.resources(ConfigFileGroup.PROFILE_FILES);
	}

}
