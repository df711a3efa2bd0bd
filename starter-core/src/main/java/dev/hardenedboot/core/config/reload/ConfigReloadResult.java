package dev.hardenedboot.core.config.reload;

import java.util.List;
import java.util.Set;

/**
 * What one look at the configuration files did.
 *
 * @param outcome applied, rejected, or nothing to do
 * @param changedKeys the properties whose effective value changed (applied) or would have
 * changed (rejected), in canonical form
 * @param problems why a change was rejected, one entry per problem
 * @param restartRequired what changed but can only take effect on a restart
 */
public record ConfigReloadResult(Outcome outcome, Set<String> changedKeys, List<String> problems,
		List<String> restartRequired) {

	static ConfigReloadResult unchanged() {
		return new ConfigReloadResult(Outcome.UNCHANGED, Set.of(), List.of(), List.of());
	}

	static ConfigReloadResult rejected(Set<String> changedKeys, List<String> problems) {
		return new ConfigReloadResult(Outcome.REJECTED, changedKeys, problems, List.of());
	}

	/**
	 * The outcome of a reload.
	 */
	public enum Outcome {

		/** The change was valid and is in force. */
		APPLIED,

		/** The change was invalid; the running configuration is untouched. */
		REJECTED,

		/** The files, or the values they set, are as last read. */
		UNCHANGED

	}

}
