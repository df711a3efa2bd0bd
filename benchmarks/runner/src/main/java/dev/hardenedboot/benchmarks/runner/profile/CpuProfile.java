package dev.hardenedboot.benchmarks.runner.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A CPU profile of one variant under load (async-profiler's collapsed stacks, one line per
 * distinct stack: frames joined by {@code ;}, a space, the sample count), turned into CPU
 * microseconds per request by part.
 */
final class CpuProfile {

	private final Map<String, Long> samplesByPart;

	private final double microsPerSample;

	private final long requests;

	private CpuProfile(Map<String, Long> samplesByPart, double microsPerSample, long requests) {
		this.samplesByPart = samplesByPart;
		this.microsPerSample = microsPerSample;
		this.requests = requests;
	}

	/**
	 * Reads a profile.
	 * @param collapsed the collapsed stacks
	 * @param microsPerSample the sampling interval ({@code -i 1ms}: 1000)
	 * @param requests the requests answered while it was taken
	 * @return the profile
	 * @throws IOException when the file cannot be read
	 */
	static CpuProfile read(Path collapsed, double microsPerSample, long requests) throws IOException {
		if (requests <= 0) {
			throw new IllegalArgumentException("No requests were answered while " + collapsed + " was taken");
		}
		Map<String, Long> samples = new LinkedHashMap<>();
		try (Stream<String> lines = Files.lines(collapsed, StandardCharsets.UTF_8)) {
			lines.filter((line) -> !line.isBlank()).forEach((line) -> {
				int space = line.lastIndexOf(' ');
				if (space < 0) {
					throw new IllegalArgumentException("Not a collapsed stack (frames, a space, a count): " + line);
				}
				long count = Long.parseLong(line.substring(space + 1).strip());
				String part = StackAttribution.partOf(Arrays.asList(line.substring(0, space).split(";")));
				samples.merge(part, count, Long::sum);
			});
		}
		return new CpuProfile(samples, microsPerSample, requests);
	}

	/**
	 * CPU microseconds per request a part spent.
	 * @param part a label from {@link StackAttribution}
	 * @return the microseconds, zero when the part took no sample
	 */
	double microsPerRequest(String part) {
		return this.samplesByPart.getOrDefault(part, 0L) * this.microsPerSample / this.requests;
	}

	/**
	 * CPU microseconds per request in all.
	 * @return the microseconds
	 */
	double totalMicrosPerRequest() {
		long samples = this.samplesByPart.values().stream().mapToLong(Long::longValue).sum();
		return samples * this.microsPerSample / this.requests;
	}

}
