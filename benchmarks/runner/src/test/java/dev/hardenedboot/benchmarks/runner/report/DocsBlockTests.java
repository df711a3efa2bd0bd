package dev.hardenedboot.benchmarks.runner.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DocsBlockTests {

	@Test
	void replacesOnlyTheGeneratedPart() {
		String page = "# Benchmarks\n\nHow to run.\n\n" + DocsBlock.wrap("old results")
				+ "\n\n## Earlier measurements\n";
		String updated = DocsBlock.replace(page, "## Results\n\nnew");
		assertThat(updated).startsWith("# Benchmarks\n\nHow to run.\n\n" + DocsBlock.BEGIN)
			.contains("## Results\n\nnew")
			.doesNotContain("old results")
			.endsWith(DocsBlock.END + "\n\n## Earlier measurements\n");
		assertThat(DocsBlock.replace(updated, "## Results\n\nnew")).isEqualTo(updated);
	}

	@Test
	void aPageWithoutMarkersIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> DocsBlock.replace("# Benchmarks\n", "results"))
			.withMessageContaining("benchmarks:begin");
	}

}
