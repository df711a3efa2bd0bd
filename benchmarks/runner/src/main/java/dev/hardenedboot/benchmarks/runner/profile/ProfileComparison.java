package dev.hardenedboot.benchmarks.runner.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar bench-runner.jar attribute PLAIN.collapsed PLAIN_REQUESTS
 * HARDENED.collapsed HARDENED_REQUESTS [MICROS_PER_SAMPLE]} prints, as a Markdown table, the
 * CPU per request each part of the stack spends in plain Boot and in Hardened Boot, and the
 * difference: where Hardened Boot's extra cost goes. {@code benchmarks/profile.sh} takes the
 * profiles.
 */
public final class ProfileComparison {

	private final CpuProfile plain;

	private final CpuProfile hardened;

	ProfileComparison(CpuProfile plain, CpuProfile hardened) {
		this.plain = plain;
		this.hardened = hardened;
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 4 && args.length != 5) {
			System.err.println("usage: attribute PLAIN.collapsed PLAIN_REQUESTS HARDENED.collapsed HARDENED_REQUESTS"
					+ " [MICROS_PER_SAMPLE, default 1000]");
			System.exit(2);
		}
		double interval = (args.length == 5) ? Double.parseDouble(args[4]) : 1000;
		CpuProfile plain = CpuProfile.read(Path.of(args[0]), interval, Long.parseLong(args[1]));
		CpuProfile hardened = CpuProfile.read(Path.of(args[2]), interval, Long.parseLong(args[3]));
		new ProfileComparison(plain, hardened).table().forEach(System.out::println);
	}

	/**
	 * The table: one row per part that took a sample in either variant, largest difference
	 * first, then the total.
	 * @return the table's lines
	 */
	List<String> table() {
		List<String> parts = new ArrayList<>();
		StackAttribution.PARTS.forEach((part) -> parts.add(part.label()));
		parts.add(StackAttribution.TOMCAT.label());
		parts.add(StackAttribution.REST);
		parts.removeIf((part) -> this.plain.microsPerRequest(part) == 0 && this.hardened.microsPerRequest(part) == 0);
		parts.sort((a, b) -> Double.compare(difference(b), difference(a)));
		List<String> lines = new ArrayList<>();
		lines.add("| part | plain Boot, CPU µs per request | Hardened Boot | difference |");
		lines.add("|---|---:|---:|---:|");
		for (String part : parts) {
			lines.add(row(part, this.plain.microsPerRequest(part), this.hardened.microsPerRequest(part)));
		}
		lines.add(row("**all**", this.plain.totalMicrosPerRequest(), this.hardened.totalMicrosPerRequest()));
		return lines;
	}

	private double difference(String part) {
		return this.hardened.microsPerRequest(part) - this.plain.microsPerRequest(part);
	}

	private static String row(String part, double plain, double hardened) {
		return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %+.1f |", part, plain, hardened, hardened - plain);
	}

}
