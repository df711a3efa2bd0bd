package dev.hardenedboot.benchmarks.runner.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SpreadTests {

	@Test
	void medianOfAnOddCountIsTheMiddleValue() {
		assertThat(Spread.of(List.of(9.0, 1.0, 5.0))).isEqualTo(new Spread(5.0, 1.0, 9.0));
	}

	@Test
	void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
		assertThat(Spread.of(List.of(4.0, 1.0, 2.0, 10.0))).isEqualTo(new Spread(3.0, 1.0, 10.0));
	}

	@Test
	void noValuesIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> Spread.of(List.of()));
	}

}
