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

	@Test
	void warmWhenTheLastSliceIsNoMoreThanTheToleranceFaster() {
		assertThat(LoadScenario.isSteady(20_000, 20_500, 0.03)).isTrue();
		assertThat(LoadScenario.isSteady(20_000, 20_600, 0.03)).isTrue();
		assertThat(LoadScenario.isSteady(20_000, 20_700, 0.03)).isFalse();
		assertThat(LoadScenario.isSteady(20_000, 15_000, 0.03)).as("slower is noise, not warm-up").isTrue();
	}

}
