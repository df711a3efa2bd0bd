package dev.hardenedboot.data;

import dev.hardenedboot.testsupport.ShippedMetadata;
import org.junit.jupiter.api.Test;

/**
 * starter-core knows this starter's keys even when the starter is absent, from a copy of its
 * metadata; this test keeps the copy current.
 */
class ShippedMetadataTests {

	@Test
	void coreShipsThisStartersMetadata() throws Exception {
		ShippedMetadata.assertShippedByCore("data");
	}

}
