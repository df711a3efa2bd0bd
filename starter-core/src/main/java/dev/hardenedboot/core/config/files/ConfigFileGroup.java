package dev.hardenedboot.core.config.files;

import org.springframework.core.env.PropertySource;

/**
 * The two groups of files that Hardened Boot imports and can reload: the mounted directory,
 * and the {@code config.{profile}.yaml} files of the working directory. Boot places them at
 * different heights of the environment (profile files above the others), so each group
 * keeps an empty marker source, its anchor, that tells a reload where its files belong even
 * when none existed at start-up.
 */
public enum ConfigFileGroup {

	/** The mounted directory, {@code hardened.config.mount-dir}. */
	MOUNT_DIR("mount-dir"),

	/** {@code config.{profile}.yaml} (or {@code .yml}, {@code .properties}) in the working directory. */
	PROFILE_FILES("profile-files");

	private final String prefix;

	ConfigFileGroup(String label) {
		this.prefix = "hardened-config[" + label + "]";
	}

	/**
	 * The name of the group's anchor, an empty property source just below its files.
	 * @return the anchor's name
	 */
	public String anchorName() {
		return this.prefix;
	}

	/**
	 * Whether a property source holds one of this group's files (the anchor does not count).
	 * @param source a property source of the environment
	 * @return whether it was read from one of the group's files
	 */
	public boolean holds(PropertySource<?> source) {
		return source.getName().startsWith(this.prefix + " ");
	}

	String sourceName(String what) {
		return this.prefix + " " + what;
	}

}
