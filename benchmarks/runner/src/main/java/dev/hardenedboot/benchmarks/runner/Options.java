package dev.hardenedboot.benchmarks.runner;

import java.nio.file.Path;
import java.util.List;

/**
 * The runner's command line.
 * @param plan full or quick
 * @param parts which scenarios to run ({@code load}, {@code overload})
 * @param acceptBaseline only make the last full run's ratios the baseline
 * @param root the repository's root
 * @param java the services' {@code java}
 * @param command the command to print in the report
 */
record Options(Plan plan, List<String> parts, boolean acceptBaseline, Path root, Path java, String command) {

	static final String USAGE = """
			usage: bench-runner [--quick] [--only=load|overload] [--accept-baseline]
			                    [--root=DIR] [--java=PATH] [--command=TEXT]
			  --quick            seconds-long parts: checks the pipeline, measures nothing
			  --only=PART        run only the load rounds or only the overload scenario
			  --accept-baseline  make the ratios of benchmarks/results/summary.json the baseline, run nothing
			  --root=DIR         the repository's root (default: the working directory)
			  --java=PATH        the services' java (default: the runner's)
			  --command=TEXT     the command the report names (run.sh passes its own)
			""";

	static Options parse(String[] args) {
		Plan plan = Plan.full();
		List<String> parts = List.of("load", "overload");
		boolean accept = false;
		Path root = Path.of("").toAbsolutePath();
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		String command = "java -jar benchmarks/runner/target/bench-runner.jar " + String.join(" ", args);
		for (String arg : args) {
			if (arg.equals("--quick")) {
				plan = Plan.quick();
			}
			else if (arg.startsWith("--only=")) {
				String part = arg.substring("--only=".length());
				if (!part.equals("load") && !part.equals("overload")) {
					throw new IllegalArgumentException("--only takes load or overload\n" + USAGE);
				}
				parts = List.of(part);
			}
			else if (arg.equals("--accept-baseline")) {
				accept = true;
			}
			else if (arg.startsWith("--root=")) {
				root = Path.of(arg.substring("--root=".length())).toAbsolutePath();
			}
			else if (arg.startsWith("--java=")) {
				java = Path.of(arg.substring("--java=".length()));
			}
			else if (arg.startsWith("--command=")) {
				command = arg.substring("--command=".length());
			}
			else {
				throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
			}
		}
		return new Options(plan, parts, accept, root, java, command.strip());
	}

}
