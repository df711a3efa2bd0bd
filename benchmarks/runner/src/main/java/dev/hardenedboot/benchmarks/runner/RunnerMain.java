package dev.hardenedboot.benchmarks.runner;

import java.io.IOException;
import java.util.Arrays;

import dev.hardenedboot.benchmarks.runner.overload.DependencyStub;
import dev.hardenedboot.benchmarks.runner.profile.ProfileComparison;

/**
 * {@code java -jar bench-runner.jar [options]} runs the benchmarks ({@link BenchmarkRun});
 * {@code java -jar bench-runner.jar stub --port=N} runs the overload scenario's dependency;
 * {@code java -jar bench-runner.jar attribute ...} compares two CPU profiles
 * ({@link ProfileComparison}, for {@code benchmarks/profile.sh}).
 */
public final class RunnerMain {

	private RunnerMain() {
	}

	public static void main(String[] args) throws IOException {
		// The stub serves until killed; the benchmark exits with 0, or 1 when a part failed.
		if (args.length > 0 && args[0].equals("stub")) {
			DependencyStub.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (args.length > 0 && args[0].equals("attribute")) {
			ProfileComparison.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		try {
			System.exit(new BenchmarkRun(options).run());
		}
		catch (IOException ex) {
			ex.printStackTrace();
			System.exit(1);
		}
	}

}
