package dev.hardenedboot.benchmarks.runner.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code benchmarks/baseline.json}: the last accepted ratios. A run flags every ratio that
 * moved more than 5% the wrong way. A manual check, not a gate: the shared machines this runs
 * on are noisy, and a person decides whether a flag is a regression or noise.
 */
public final class Baseline {

	/** More than this change the wrong way is flagged. */
	static final double TOLERANCE = 0.05;

	private final Map<String, Double> ratios;

	private Baseline(Map<String, Double> ratios) {
		this.ratios = ratios;
	}

	/**
	 * @param file the baseline file; missing means no accepted ratio
	 * @param json the reader
	 * @return the baseline
	 * @throws IOException if the file cannot be read
	 */
	public static Baseline read(Path file, ObjectMapper json) throws IOException {
		Map<String, Double> ratios = new LinkedHashMap<>();
		if (Files.exists(file)) {
			for (Map.Entry<String, JsonNode> field : json.readTree(file.toFile()).path("ratios").properties()) {
				ratios.put(field.getKey(), field.getValue().isNumber() ? field.getValue().asDouble() : null);
			}
		}
		return new Baseline(ratios);
	}

	/**
	 * @param now this run's ratios
	 * @return one check per ratio of this run
	 */
	public List<BaselineCheck> compare(List<Ratio> now) {
		List<BaselineCheck> checks = new ArrayList<>();
		for (Ratio ratio : now) {
			Double base = this.ratios.get(ratio.key());
			Double value = ratio.value();
			Double change = (base != null && value != null && base != 0) ? value / base - 1 : null;
			boolean regression = change != null
					&& (ratio.higherIsBetter() ? change < -TOLERANCE : change > TOLERANCE);
			checks.add(new BaselineCheck(ratio.key(), ratio.description(), base, value, change, regression));
		}
		return checks;
	}

	public boolean isEmpty() {
		return this.ratios.values().stream().allMatch((value) -> value == null);
	}

	/**
	 * Makes a finished run's ratios the baseline.
	 * @param summary the run's {@code summary.json}
	 * @param file the baseline file to write
	 * @param json the writer
	 * @return the accepted ratios
	 * @throws IOException if a file cannot be read or written
	 */
	public static Map<String, Double> accept(Path summary, Path file, ObjectMapper json) throws IOException {
		if (!Files.exists(summary)) {
			throw new IOException("No full run to accept: " + summary + " is missing");
		}
		JsonNode run = json.readTree(summary.toFile());
		if ("quick".equals(run.path("mode").asText())) {
			throw new IOException(summary + " is a quick run: its figures mean nothing, accept a full run");
		}
		Map<String, Double> ratios = new LinkedHashMap<>();
		for (JsonNode ratio : run.path("ratios")) {
			JsonNode value = ratio.path("value");
			ratios.put(ratio.path("key").asText(), value.isNumber() ? value.asDouble() : null);
		}
		ObjectNode baseline = json.createObjectNode();
		baseline.put("accepted", run.path("date").asText());
		baseline.put("note", "The last accepted ratios of a full run (benchmarks/run.sh --accept-baseline writes this"
				+ " file). Null: nothing accepted yet, no flag.");
		baseline.put("command", run.path("command").asText());
		baseline.put("machine", run.path("machine").path("cpu").asText() + ", "
				+ run.path("machine").path("cores").asInt() + " cores");
		ObjectNode values = baseline.putObject("ratios");
		ratios.forEach(values::put);
		json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), baseline);
		return ratios;
	}

}
