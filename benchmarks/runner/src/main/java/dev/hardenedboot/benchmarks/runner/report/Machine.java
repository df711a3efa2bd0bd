package dev.hardenedboot.benchmarks.runner.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the run ran on, for the report: absolute figures only compare within one machine.
 * @param cpu the CPU model
 * @param cores available processors
 * @param memoryMib total memory
 * @param os kernel name and release
 * @param jdk what the services' {@code java -version} says
 * @param wrk wrk's version
 * @param loadAverage {@code /proc/loadavg} when the run began: a busy machine skews every
 * figure
 */
public record Machine(String cpu, int cores, long memoryMib, String os, String jdk, String wrk, String loadAverage) {

	/**
	 * @param java the services' {@code java}
	 * @return this machine
	 */
	public static Machine describe(Path java) {
		return new Machine(procField("/proc/cpuinfo", "model name"), Runtime.getRuntime().availableProcessors(),
				readMemoryMib(), System.getProperty("os.name") + " " + System.getProperty("os.version"),
				firstLines(List.of(java.toString(), "-version"), 2), readWrkVersion(), readLoadAverage());
	}

	private static String procField(String file, String field) {
		try {
			for (String line : Files.readAllLines(Path.of(file))) {
				if (line.startsWith(field)) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		catch (IOException ex) {
			// Not Linux: the report says unknown.
		}
		return "unknown";
	}

	private static long readMemoryMib() {
		String total = procField("/proc/meminfo", "MemTotal");
		try {
			return Long.parseLong(total.split("\\s+")[0]) / 1024;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static String readWrkVersion() {
		String line = firstLines(List.of("wrk", "-v"), 1);
		int copyright = line.indexOf("Copyright");
		return (copyright > 0) ? line.substring(0, copyright).trim() : line;
	}

	private static String readLoadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String firstLines(List<String> command, int count) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(10, TimeUnit.SECONDS);
			return String.join("; ", output.lines().limit(count).toList());
		}
		catch (IOException ex) {
			return "unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

}
