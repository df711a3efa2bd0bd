package dev.hardenedboot.sample.tour;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.lang.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the walkthrough's steps against the {@link TourApplication}, one after another, and
 * checks each against the output the document shows.
 *
 * <p>Directives: {@code start} is the start command the application was started with;
 * {@code skip} is a command the test does not run (building the jar), and may show no
 * output; {@code load} is a {@code wrk} run, replaced by an {@link InJvmLoad} against the
 * fixed limit, which lasts until the next step is done; {@code eventually} is a step whose
 * output may take a few seconds to become true (a probe after the database came back).
 */
final class TourSteps {

	private static final Duration EVENTUALLY = Duration.ofSeconds(20);

	private static final Duration LOG_WAIT = Duration.ofSeconds(10);

	private static final Pattern HEREDOC = Pattern.compile("^cat > (\\S+) <<'EOF'$");

	private static final Pattern LOOP = Pattern.compile("^for i in \\$\\(seq (\\d+)\\); do (.+); done(; echo)?$");

	private static final Pattern WRK = Pattern.compile("^wrk .*-c(\\d+) .*(localhost:\\d+/\\S*)$");

	private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.1 (\\d{3})$");

	private final TourApplication application;

	private final CapturedOutput output;

	@Nullable
	private InJvmLoad load;

	TourSteps(TourApplication application, CapturedOutput output) {
		this.application = application;
		this.output = output;
	}

	void run(TourDocument.Step step) throws Exception {
		String directive = step.directive();
		if ("skip".equals(directive) || "start".equals(directive)) {
			assertThat(step.output()).as("%s is not run, so it may show no output", step).isNull();
			assertThat(step.log()).as("%s is not run, so it may show no log", step).isNull();
			return;
		}
		if ("load".equals(directive)) {
			startLoad(step);
			return;
		}
		int logStart = this.output.getOut().length();
		boolean retried = "eventually".equals(directive) || this.load != null;
		long end = System.nanoTime() + (retried ? EVENTUALLY.toNanos() : 0);
		try {
			while (true) {
				if (this.load != null) {
					awaitLimitFilled();
				}
				Outcome outcome = execute(step);
				String mismatch = mismatch(step, outcome);
				if (mismatch == null) {
					break;
				}
				if (System.nanoTime() > end) {
					fail(mismatch);
				}
				Thread.sleep(250);
			}
		}
		finally {
			stopLoad();
		}
		if (step.log() != null) {
			awaitLog(step, logStart);
		}
	}

	private Outcome execute(TourDocument.Step step) throws Exception {
		Matcher heredoc = HEREDOC.matcher(step.command().lines().findFirst().orElse(""));
		if (heredoc.matches()) {
			List<String> lines = step.command().lines().toList();
			assertThat(lines.get(lines.size() - 1)).as("%s ends its here-document with EOF", step).isEqualTo("EOF");
			Files.writeString(this.application.map(heredoc.group(1)),
					String.join("\n", lines.subList(1, lines.size() - 1)) + "\n");
			return Outcome.of("");
		}
		String commandLine = step.commandLine();
		Matcher loop = LOOP.matcher(commandLine);
		if (loop.matches()) {
			StringBuilder printed = new StringBuilder();
			for (int i = 0; i < Integer.parseInt(loop.group(1)); i++) {
				printed.append(curl(ShellWords.split(loop.group(2))).printed());
			}
			return Outcome.of(printed + ((loop.group(3) != null) ? "\n" : ""));
		}
		List<String> words = ShellWords.split(commandLine);
		switch (words.get(0)) {
			case "curl" -> {
				return curlPipeline(words);
			}
			case "rm" -> {
				assertThat(words).as("rm takes one file").hasSize(2);
				Files.delete(this.application.map(words.get(1)));
				return Outcome.of("");
			}
			case "mkdir" -> {
				assertThat(words).as("mkdir -p <dir>").hasSize(3).element(1).isEqualTo("-p");
				Files.createDirectories(this.application.map(words.get(2)));
				return Outcome.of("");
			}
			case "java" -> {
				assertThat(words.get(1)).as("java -jar <jar> <args>").isEqualTo("-jar");
				return Outcome.of(ChildJvm.run(words.subList(3, words.size())).output());
			}
			default -> throw new IllegalArgumentException(step + ": the test does not know how to run "
					+ words.get(0) + "; mark it <!-- tour: skip --> if it is not part of the walkthrough");
		}
	}

	private Outcome curlPipeline(List<String> words) throws IOException, InterruptedException {
		int pipe = words.indexOf(ShellWords.PIPE);
		Curl.Result result = curl((pipe < 0) ? words : words.subList(0, pipe));
		if (pipe < 0) {
			return new Outcome(result.printed(), result);
		}
		List<String> grep = words.subList(pipe + 1, words.size());
		assertThat(grep.get(0)).as("only grep follows curl").isEqualTo("grep");
		String regex = grep.get(grep.size() - 1);
		assertThat(grep.size()).as("grep [-E] <pattern>")
			.isEqualTo((grep.size() == 3 && grep.get(1).equals("-E")) ? 3 : 2);
		// Plain grep reads a basic regular expression, where braces, parentheses, + ? and | are
		// ordinary characters.
		Pattern pattern = Pattern.compile((grep.size() == 3) ? regex : regex.replaceAll("([{}()+?|])", "\\\\$1"));
		List<String> kept = result.printed().lines().filter((line) -> pattern.matcher(line).find()).toList();
		return Outcome.of(String.join("\n", kept));
	}

	private Curl.Result curl(List<String> words) throws IOException, InterruptedException {
		return Curl.parse(words, this.application::port).execute();
	}

	/**
	 * @return why the outcome is not the expected one, or {@code null} when it is
	 */
	@Nullable
	private static String mismatch(TourDocument.Step step, Outcome outcome) {
		String expected = step.output();
		if (expected == null) {
			return null;
		}
		Curl.Result result = outcome.result();
		boolean matches = (result != null && result.curl().include()) ? matchesResponse(expected, result)
				: ExpectedOutput.matchesLines(expected.lines().toList(), trimmedLines(outcome.printed()));
		return matches ? null
				: step + " in section '" + step.heading() + "' printed\n\n" + outcome.printed()
						+ "\n\nwhich is not what docs/tour.md shows:\n\n" + expected;
	}

	/**
	 * The status line and the body as shown, and each header shown among the response's: the
	 * document shows the headers that matter to the step, not all of them.
	 */
	private static boolean matchesResponse(String expected, Curl.Result result) {
		List<String> lines = expected.lines().toList();
		Matcher status = STATUS_LINE.matcher(lines.get(0));
		if (!status.matches() || Integer.parseInt(status.group(1)) != result.status()) {
			return false;
		}
		int blank = lines.indexOf("");
		int elided = lines.indexOf("...");
		if (elided > 0 && (blank < 0 || elided < blank)) {
			// "..." among the headers: the other headers and the body are left out.
			blank = elided;
		}
		List<String> headers = lines.subList(1, (blank < 0) ? lines.size() : blank);
		for (String header : headers) {
			String[] nameValue = header.split(": ", 2);
			List<String> values = result.header(nameValue[0]);
			if (values == null || values.stream()
				.noneMatch((value) -> ExpectedOutput.line(nameValue[1]).matcher(value).matches())) {
				return false;
			}
		}
		List<String> body = (blank < 0) ? List.of() : lines.subList(blank + 1, lines.size());
		if (blank == elided) {
			return true;
		}
		return ExpectedOutput.matchesLines(body, trimmedLines(result.body()));
	}

	private static List<String> trimmedLines(String printed) {
		return printed.lines().map(String::stripTrailing).toList();
	}

	private void awaitLog(TourDocument.Step step, int from) throws InterruptedException {
		List<String> expected = step.log().lines().toList();
		long end = System.nanoTime() + LOG_WAIT.toNanos();
		List<String> missing;
		do {
			List<String> logged = new ArrayList<>(this.output.getOut().substring(from).lines().toList());
			missing = ExpectedOutput.missingInOrder(expected, logged);
			if (missing.isEmpty()) {
				return;
			}
			Thread.sleep(100);
		}
		while (System.nanoTime() < end);
		fail(step + " in section '" + step.heading() + "' did not log\n\n" + String.join("\n", missing)
				+ "\n\nThe console showed:\n\n" + this.output.getOut().substring(from));
	}

	private void startLoad(TourDocument.Step step) {
		Matcher wrk = WRK.matcher(step.commandLine());
		assertThat(wrk.matches()).as("%s: a load step is wrk -c<connections> ... <url>", step).isTrue();
		assertThat(step.output()).as("%s: wrk's own report is not checked, so it is not shown", step).isNull();
		List<String> url = ShellWords.split("curl " + wrk.group(2));
		URI uri = Curl.parse(url, this.application::port).uri();
		int clients = Math.min(Integer.parseInt(wrk.group(1)), 2 * TourApplication.SHEDDING_LIMIT);
		this.load = new InJvmLoad(uri, clients);
	}

	private void awaitLimitFilled() throws InterruptedException {
		MeterRegistry meters = this.application.context().getBean(MeterRegistry.class);
		long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < end) {
			Gauge inflight = meters.find("hardened.shedding.inflight").tag("group", "default").gauge();
			if (inflight != null && inflight.value() >= TourApplication.SHEDDING_LIMIT) {
				return;
			}
			Thread.sleep(20);
		}
		fail("The in-JVM load never filled the limit of " + TourApplication.SHEDDING_LIMIT);
	}

	private void stopLoad() throws InterruptedException {
		if (this.load != null) {
			this.load.close();
			this.load = null;
		}
	}

	/**
	 * @param printed what the command printed
	 * @param result the HTTP answer, for a curl command
	 */
	private record Outcome(String printed, @Nullable Curl.Result result) {

		static Outcome of(String printed) {
			return new Outcome(printed, null);
		}

	}

}
