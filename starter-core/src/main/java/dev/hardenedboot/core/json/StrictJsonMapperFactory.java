package dev.hardenedboot.core.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Makes the strict copy of the application's ObjectMapper: same modules, naming and
 * serialization settings, stricter reading.
 */
final class StrictJsonMapperFactory {

	private StrictJsonMapperFactory() {
	}

	static ObjectMapper strictCopyOf(ObjectMapper shared, StrictJsonProperties properties) {
		ObjectMapper strict = shared.copy();
		strict.getFactory()
			.setStreamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(properties.getMaxNestingDepth())
				.maxStringLength(clamp(properties.getMaxStringLength().toBytes()))
				.maxDocumentLength(properties.getMaxDocumentLength().toBytes())
				.build());
		strict.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, properties.isRejectTrailingTokens());
		strict.configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature(),
				properties.isRejectDuplicateKeys());
		strict.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, properties.isRejectNullForPrimitives());
		strict.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, properties.isRejectUnknownProperties());
		return strict;
	}

	private static int clamp(long bytes) {
		return (int) Math.min(Integer.MAX_VALUE, bytes);
	}

}
