package dev.hardenedboot.observability.health;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GC-overhead indicator under real collectors, each in a child JVM busy allocating.
 */
class GcOverheadChildJvmTests {

	@Test
	void g1PausesAreCounted() throws Exception {
		Map<String, String> measured = runWith("-XX:+UseG1GC");
		assertThat(measured.get("pausesFrom")).contains("G1 Young Generation");
		assertThat(measured.get("ignored")).isEqualTo("[]");
	}

	@Test
	void zgcConcurrentCyclesAreNotCountedSoABusyHeapStaysUp() throws Exception {
		Map<String, String> measured = runWith("-XX:+UseZGC");
		assertThat(measured.get("ignored")).isEqualTo("[ZGC Cycles]");
		assertThat(measured.get("pausesFrom")).isEqualTo("[ZGC Pauses]");
		assertThat(measured.get("status")).isEqualTo("UP");
		// ZGC cycles ran back to back all along; its pauses are well under a millisecond.
		assertThat(Integer.parseInt(measured.get("overhead").replace("%", ""))).isLessThan(10);
	}

	private static Map<String, String> runWith(String collector) throws Exception {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), collector,
				"-Xmx128m", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
				GcOverheadProbe.class.getName(), "20", "3000");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		Map<String, String> measured = new LinkedHashMap<>();
		output.lines()
			.filter((line) -> line.contains("="))
			.forEach((line) -> measured.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
		assertThat(measured).as(output).containsKeys("status", "overhead", "pausesFrom", "ignored");
		return measured;
	}

	private static String classPath() {
		StringBuilder classPath = new StringBuilder();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (!classPath.isEmpty()) {
				classPath.append(File.pathSeparator);
			}
			classPath.append(Path.of(entry).toAbsolutePath());
		}
		return classPath.toString();
	}

}
