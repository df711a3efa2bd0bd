package dev.hardenedboot.core.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says which keys are unknown, where each was set, and the key that was probably meant.
 */
class UnknownConfigurationKeysFailureAnalyzer extends AbstractFailureAnalyzer<UnknownConfigurationKeysException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnknownConfigurationKeysException cause) {
		StringBuilder description = new StringBuilder(
				"The configuration sets keys under 'hardened' that no Hardened Boot property declares, so they "
						+ "have no effect:\n");
		cause.getKeys().forEach((key) -> description.append("\n    ").append(key.describe()));
		String action = "Correct the spelling of each key, or remove it. The declared keys and their defaults are "
				+ "listed in docs/configuration.md. To report unknown keys without stopping start-up, set "
				+ UnknownKeysEnvironmentPostProcessor.MODE_PROPERTY + "=warn.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
