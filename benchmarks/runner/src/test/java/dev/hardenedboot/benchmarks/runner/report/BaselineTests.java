package dev.hardenedboot.benchmarks.runner.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.within;

class BaselineTests {

	private final ObjectMapper json = new ObjectMapper();

	@TempDir
	Path dir;

	@Test
	void flagsAThroughputRatioThatFellMoreThanFivePercent() throws IOException {
		Baseline baseline = baseline("{\"ratios\":{\"rps\":1.00,\"rps2\":1.00}}");
		List<BaselineCheck> checks = baseline.compare(List.of(new Ratio("rps", "req/s", true, 0.94),
				new Ratio("rps2", "req/s", true, 0.96)));
		assertThat(checks).extracting(BaselineCheck::regression).containsExactly(true, false);
		assertThat(checks.get(0).change()).isCloseTo(-0.06, within(1e-9));
	}

	@Test
	void flagsALatencyRatioThatRoseMoreThanFivePercent() throws IOException {
		Baseline baseline = baseline("{\"ratios\":{\"p50\":1.10}}");
		assertThat(baseline.compare(List.of(new Ratio("p50", "p50", false, 1.17))).get(0).regression()).isTrue();
		assertThat(baseline.compare(List.of(new Ratio("p50", "p50", false, 0.90))).get(0).regression()).isFalse();
	}

	@Test
	void ratiosWithoutAnAcceptedValueAreNeverFlagged() throws IOException {
		Baseline baseline = baseline("{\"accepted\":null,\"ratios\":{\"rps\":null}}");
		assertThat(baseline.isEmpty()).isTrue();
		BaselineCheck check = baseline.compare(List.of(new Ratio("rps", "req/s", true, 0.5))).get(0);
		assertThat(check.baseline()).isNull();
		assertThat(check.regression()).isFalse();
		assertThat(Baseline.read(this.dir.resolve("missing.json"), this.json).isEmpty()).isTrue();
	}

	@Test
	void acceptingARunWritesItsRatios() throws IOException {
		Path summary = this.dir.resolve("summary.json");
		Files.writeString(summary, """
				{"date":"2026-11-27 20:00 UTC","mode":"full","command":"benchmarks/run.sh",
				 "machine":{"cpu":"Some CPU","cores":2},
				 "ratios":[{"key":"rps","value":0.91},{"key":"db","value":null}]}
				""");
		Path file = this.dir.resolve("baseline.json");
		Baseline.accept(summary, file, this.json);
		Baseline accepted = Baseline.read(file, this.json);
		assertThat(accepted.compare(List.of(new Ratio("rps", "req/s", true, 0.91))).get(0).baseline())
			.isEqualTo(0.91);
		assertThat(this.json.readTree(file.toFile()).path("accepted").asText()).isEqualTo("2026-11-27 20:00 UTC");
	}

	@Test
	void aQuickRunIsNeverAccepted() throws IOException {
		Path summary = this.dir.resolve("summary.json");
		Files.writeString(summary, "{\"mode\":\"quick\",\"ratios\":[]}");
		assertThatIOException().isThrownBy(() -> Baseline.accept(summary, this.dir.resolve("b.json"), this.json))
			.withMessageContaining("quick run");
	}

	private Baseline baseline(String content) throws IOException {
		Path file = this.dir.resolve("baseline.json");
		Files.writeString(file, content);
		return Baseline.read(file, this.json);
	}

}
