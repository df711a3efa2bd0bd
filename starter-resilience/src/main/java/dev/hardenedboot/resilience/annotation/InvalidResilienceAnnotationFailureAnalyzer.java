package dev.hardenedboot.resilience.annotation;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains which annotated method stopped start-up and what it needs: for a missing fallback,
 * the signature resilience4j looks for.
 */
class InvalidResilienceAnnotationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidResilienceAnnotationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidResilienceAnnotationException cause) {
		StringBuilder description = new StringBuilder();
		StringBuilder action = new StringBuilder();
		for (InvalidResilienceAnnotationException.Problem problem : cause.getProblems()) {
			description.append(description.isEmpty() ? "" : System.lineSeparator()).append(problem.description());
			action.append(action.isEmpty() ? "" : System.lineSeparator()).append(problem.action());
		}
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

}
