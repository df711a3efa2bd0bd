package dev.hardenedboot.core.config.files;

import java.nio.file.Path;
import java.util.Objects;

import org.springframework.boot.context.config.ConfigDataResource;

/**
 * One configuration file found by {@link ConfigFilesLocationResolver}: a YAML or properties
 * file, a directory read key-per-file (a Kubernetes ConfigMap or Secret), or the anchor that
 * marks where a {@link ConfigFileGroup group} sits in the environment.
 */
final class ConfigFileResource extends ConfigDataResource {

	enum Kind {

		ANCHOR, DOCUMENT, KEY_PER_FILE

	}

	private final ConfigFileGroup group;

	private final Path path;

	private final Kind kind;

	ConfigFileResource(ConfigFileGroup group, Path path, Kind kind) {
		super(true);
		this.group = group;
		this.path = path;
		this.kind = kind;
	}

	ConfigFileGroup group() {
		return this.group;
	}

	Path path() {
		return this.path;
	}

	Kind kind() {
		return this.kind;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ConfigFileResource resource && resource.group == this.group
				&& resource.path.equals(this.path) && resource.kind == this.kind;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.group, this.path, this.kind);
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case ANCHOR -> "anchor of " + this.group.anchorName();
			case KEY_PER_FILE -> "key-per-file directory " + this.path;
			case DOCUMENT -> "file " + this.path;
		};
	}

}
