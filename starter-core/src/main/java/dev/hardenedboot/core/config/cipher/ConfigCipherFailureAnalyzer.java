package dev.hardenedboot.core.config.cipher;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains why encrypted configuration stopped start-up, and what to do.
 */
class ConfigCipherFailureAnalyzer extends AbstractFailureAnalyzer<ConfigCipherException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConfigCipherException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
