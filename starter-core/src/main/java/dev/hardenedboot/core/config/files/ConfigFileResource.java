package dev.hardenedboot.core.config.files;

import java.nio.file.Path;
import java.util.Objects;

import org.springframework.boot.context.config.ConfigDataResource;

/**
 * One configuration file found by {@link ConfigFilesLocationResolver}: a YAML or properties
 * file, or a directory read key-per-file (a Kubernetes ConfigMap or Secret).
 */
final class ConfigFileResource extends ConfigDataResource {

	enum Kind {

		DOCUMENT, KEY_PER_FILE

	}

	private final Path path;

	private final Kind kind;

	ConfigFileResource(Path path, Kind kind) {
		super(true);
		this.path = path;
		this.kind = kind;
	}

	Path path() {
		return this.path;
	}

	Kind kind() {
		return this.kind;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ConfigFileResource resource && resource.path.equals(this.path)
				&& resource.kind == this.kind;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.path, this.kind);
	}

	@Override
	public String toString() {
		return ((this.kind == Kind.KEY_PER_FILE) ? "key-per-file directory " : "file ") + this.path;
	}

}
