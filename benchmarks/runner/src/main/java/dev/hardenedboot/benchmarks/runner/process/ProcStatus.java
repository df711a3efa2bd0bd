package dev.hardenedboot.benchmarks.runner.process;

/**
 * Reads Linux's {@code /proc/<pid>/status}.
 */
final class ProcStatus {

	private ProcStatus() {
	}

	/**
	 * The {@code VmRSS} line.
	 * @param status the file's content
	 * @return the resident set size in KiB
	 * @throws IllegalArgumentException if there is no such line
	 */
	static long vmRssKib(String status) {
		for (String line : status.split("\n")) {
			if (line.startsWith("VmRSS:")) {
				String value = line.substring("VmRSS:".length()).trim();
				return Long.parseLong(value.split("\\s+")[0]);
			}
		}
		throw new IllegalArgumentException("no VmRSS line in /proc status");
	}

}
