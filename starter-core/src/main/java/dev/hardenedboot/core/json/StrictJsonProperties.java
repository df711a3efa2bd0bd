package dev.hardenedboot.core.json;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Strict reading of JSON request bodies. Applies only to what the server reads through
 * Spring MVC; the shared ObjectMapper that RestClient, RestTemplate and other clients use to
 * read third-party responses keeps Boot's lenient settings.
 */
@ConfigurationProperties("hardened.json")
@Validated
public class StrictJsonProperties {

	/**
	 * Whether request bodies are read strictly.
	 */
	private boolean enabled = true;

	/**
	 * Whether content after the JSON value ('{"a":1} x') is rejected.
	 */
	private boolean rejectTrailingTokens = true;

	/**
	 * Whether an object with the same property twice is rejected, instead of the last one
	 * silently winning.
	 */
	private boolean rejectDuplicateKeys = true;

	/**
	 * Whether null for a primitive (int, boolean, ...) is rejected, instead of becoming 0 or
	 * false.
	 */
	private boolean rejectNullForPrimitives = true;

	/**
	 * Whether properties the target type does not have are rejected. Off by default:
	 * rejecting them breaks clients on every additive change of the API.
	 */
	private boolean rejectUnknownProperties = false;

	/**
	 * Deepest nesting of arrays and objects accepted.
	 */
	@Min(1)
	private int maxNestingDepth = 64;

	/**
	 * Longest string value accepted.
	 */
	private DataSize maxStringLength = DataSize.ofMegabytes(1);

	/**
	 * Largest JSON document accepted.
	 */
	private DataSize maxDocumentLength = DataSize.ofMegabytes(10);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isRejectTrailingTokens() {
		return this.rejectTrailingTokens;
	}

	public void setRejectTrailingTokens(boolean rejectTrailingTokens) {
		this.rejectTrailingTokens = rejectTrailingTokens;
	}

	public boolean isRejectDuplicateKeys() {
		return this.rejectDuplicateKeys;
	}

	public void setRejectDuplicateKeys(boolean rejectDuplicateKeys) {
		this.rejectDuplicateKeys = rejectDuplicateKeys;
	}

	public boolean isRejectNullForPrimitives() {
		return this.rejectNullForPrimitives;
	}

	public void setRejectNullForPrimitives(boolean rejectNullForPrimitives) {
		this.rejectNullForPrimitives = rejectNullForPrimitives;
	}

	public boolean isRejectUnknownProperties() {
		return this.rejectUnknownProperties;
	}

	public void setRejectUnknownProperties(boolean rejectUnknownProperties) {
		this.rejectUnknownProperties = rejectUnknownProperties;
	}

	public int getMaxNestingDepth() {
		return this.maxNestingDepth;
	}

	public void setMaxNestingDepth(int maxNestingDepth) {
		this.maxNestingDepth = maxNestingDepth;
	}

	public DataSize getMaxStringLength() {
		return this.maxStringLength;
	}

	public void setMaxStringLength(DataSize maxStringLength) {
		this.maxStringLength = maxStringLength;
	}

	public DataSize getMaxDocumentLength() {
		return this.maxDocumentLength;
	}

	public void setMaxDocumentLength(DataSize maxDocumentLength) {
		this.maxDocumentLength = maxDocumentLength;
	}

}
