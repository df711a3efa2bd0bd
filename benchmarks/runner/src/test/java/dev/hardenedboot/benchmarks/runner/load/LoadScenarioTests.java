package dev.hardenedboot.benchmarks.runner.load;

import java.util.List;

import dev.hardenedboot.benchmarks.runner.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadScenarioTests {

	private final List<Variant> variants = List.of(Variant.PLAIN, Variant.HANDWIRED_OTEL, Variant.HARDENED);

	@Test
	void eachRoundStartsWithTheNextVariant() {
		assertThat(LoadScenario.rotate(this.variants, 0)).containsExactly(Variant.PLAIN, Variant.HANDWIRED_OTEL,
				Variant.HARDENED);
		assertThat(LoadScenario.rotate(this.variants, 1)).containsExactly(Variant.HANDWIRED_OTEL, Variant.HARDENED,
				Variant.PLAIN);
		assertThat(LoadScenario.rotate(this.variants, 3)).isEqualTo(LoadScenario.rotate(this.variants, 0));
	}

}
