package dev.hardenedboot.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks that starter-core ships an up-to-date copy of a starter's configuration metadata.
 * Core reads those copies so that the keys of a starter that is absent or switched off are
 * not reported as typos; a starter's test calls {@link #assertShippedByCore(String)} so that a
 * new or changed property cannot be forgotten there.
 */
public final class ShippedMetadata {

	private static final ObjectMapper json = new ObjectMapper();

	private ShippedMetadata() {
	}

	/**
	 * Fails unless core's copy equals the metadata this module generated.
	 * @param starter the starter's short name: {@code observability}, {@code resilience} or
	 * {@code data}
	 * @throws IOException when a file cannot be read
	 */
	public static void assertShippedByCore(String starter) throws IOException {
		Path generated = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
		String copy = "META-INF/hardened-boot/" + starter + "-configuration-metadata.json";
		if (!Files.isRegularFile(generated)) {
			throw new AssertionError(generated.toAbsolutePath() + " is missing: the configuration processor did not run");
		}
		JsonNode shipped;
		try (InputStream stream = ShippedMetadata.class.getClassLoader().getResourceAsStream(copy)) {
			shipped = (stream != null) ? json.readTree(stream) : null;
		}
		if (!json.readTree(generated.toFile()).equals(shipped)) {
			throw new AssertionError("starter-core ships " + ((shipped != null) ? "an outdated" : "no")
					+ " copy of this starter's configuration metadata. From the repository root, run:\n    cp starter-"
					+ starter + "/" + generated + " starter-core/src/main/resources/" + copy);
		}
	}

}
