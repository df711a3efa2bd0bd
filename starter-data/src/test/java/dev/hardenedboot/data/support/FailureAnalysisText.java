package dev.hardenedboot.data.support;

import java.util.List;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * What the registered failure analyzers (starter-core's first among them) tell a user about a
 * start-up failure.
 */
public final class FailureAnalysisText {

	private FailureAnalysisText() {
	}

	public static String of(Throwable failure) {
		// Analyzers that need the bean factory or environment cannot be built here, and are not
		// the ones asked: they are skipped.
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.none(),
					SpringFactoriesLoader.FailureHandler.handleMessage((message, ignored) -> {
					}));
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis.getDescription() + "\n" + analysis.getAction();
			}
		}
		throw new AssertionError("No failure analyzer explained " + failure);
	}

}
