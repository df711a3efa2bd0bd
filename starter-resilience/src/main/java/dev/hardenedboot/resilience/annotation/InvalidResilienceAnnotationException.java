package dev.hardenedboot.resilience.annotation;

import java.util.List;

/**
 * One or more resilience4j annotations that would fail, or be silently ignored, at run time:
 * a {@code fallbackMethod} that resolves to no method, or a time limiter on a method that
 * returns no {@code CompletionStage}.
 */
public class InvalidResilienceAnnotationException extends IllegalStateException {

	private final List<Problem> problems;

	InvalidResilienceAnnotationException(List<Problem> problems) {
		super(describe(problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * The problems found, in the order the beans were created.
	 * @return the problems
	 */
	public List<Problem> getProblems() {
		return this.problems;
	}

	private static String describe(List<Problem> problems) {
		StringBuilder message = new StringBuilder();
		for (Problem problem : problems) {
			message.append(message.isEmpty() ? "" : System.lineSeparator()).append(problem.description());
		}
		return message.toString();
	}

	/**
	 * One annotated method that cannot work.
	 * @param className the class declaring the method
	 * @param method the method, as {@code name(ParameterType, ...)}
	 * @param annotation the annotation, such as {@code @CircuitBreaker(name = "x")}
	 * @param description what is wrong, naming the class and the method
	 * @param action what to do about it, such as the expected fallback signature
	 */
	public record Problem(String className, String method, String annotation, String description, String action) {

	}

}
