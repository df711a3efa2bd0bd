package dev.hardenedboot.sample.tour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.lang.Nullable;

/**
 * The walkthrough in {@code docs/tour.md}, read as steps: each {@code bash} block is one
 * command, and the {@code text} block right after it is its expected output, a {@code log}
 * block the lines the console shows. An HTML comment {@code <!-- tour: ... -->} before a
 * command says how to run it when that is not obvious.
 */
record TourDocument(List<Step> steps) {

	static final Path LOCATION = Path.of("../docs/tour.md");

	private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");

	private static final Pattern DIRECTIVE = Pattern.compile("^<!-- tour: ([\\w-]+) -->$");

	static TourDocument read() throws IOException {
		return parse(Files.readAllLines(LOCATION));
	}

	static TourDocument parse(List<String> lines) {
		List<Step> steps = new ArrayList<>();
		String heading = "";
		String directive = null;
		Step current = null;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			Matcher fence = FENCE.matcher(line);
			Matcher comment = DIRECTIVE.matcher(line.trim());
			if (line.startsWith("#")) {
				heading = line.replaceFirst("^#+\\s*", "");
			}
			else if (comment.matches()) {
				directive = comment.group(1);
			}
			else if (fence.matches() && !fence.group(1).isEmpty()) {
				int end = closingFence(lines, i);
				String body = String.join("\n", lines.subList(i + 1, end));
				switch (fence.group(1)) {
					case "bash" -> {
						current = new Step(heading, i + 2, body, directive, null, null);
						steps.add(current);
						directive = null;
					}
					case "text" -> current = attach(steps, current, body, null, i);
					case "log" -> current = attach(steps, current, null, body, i);
					default -> {
						// yaml, json and the like: illustrations, not steps.
					}
				}
				i = end;
				continue;
			}
			else if (!line.isBlank()) {
				// Prose ends a step: an output block belongs to the command just above it.
				current = null;
			}
		}
		return new TourDocument(steps);
	}

	private static Step attach(List<Step> steps, @Nullable Step step, @Nullable String output, @Nullable String log,
			int line) {
		if (step == null) {
			throw new IllegalStateException("docs/tour.md line " + (line + 1)
					+ ": an output block must follow its bash block directly");
		}
		Step attached = new Step(step.heading(), step.line(), step.command(), step.directive(),
				(output != null) ? output : step.output(), (log != null) ? log : step.log());
		steps.set(steps.size() - 1, attached);
		return attached;
	}

	private static int closingFence(List<String> lines, int start) {
		for (int i = start + 1; i < lines.size(); i++) {
			if (lines.get(i).trim().equals("```")) {
				return i;
			}
		}
		throw new IllegalStateException("docs/tour.md line " + (start + 1) + ": unclosed code block");
	}

	/**
	 * One command of the walkthrough.
	 *
	 * @param heading the section it is in
	 * @param line its first line in the document
	 * @param command the command as written
	 * @param directive how to run it, when the command alone does not say
	 * @param output the expected output, if shown
	 * @param log the expected console lines, if shown
	 */
	record Step(String heading, int line, String command, @Nullable String directive, @Nullable String output,
			@Nullable String log) {

		/**
		 * @return the command on one line, with its continuation backslashes joined
		 */
		String commandLine() {
			return this.command.replaceAll("\\\\\\n\\s*", " ").trim();
		}

		@Override
		public String toString() {
			return "line " + this.line + ": " + commandLine().lines().findFirst().orElse("");
		}

	}

}
