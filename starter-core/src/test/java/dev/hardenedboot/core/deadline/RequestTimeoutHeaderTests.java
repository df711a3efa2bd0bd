package dev.hardenedboot.core.deadline;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RequestTimeoutHeaderTests {

	@Test
	void acceptsMillisecondsAndUnits() {
		assertThat(RequestTimeoutHeader.parse("2500")).isEqualTo(Duration.ofMillis(2500));
		assertThat(RequestTimeoutHeader.parse("2500ms")).isEqualTo(Duration.ofMillis(2500));
		assertThat(RequestTimeoutHeader.parse("3s")).isEqualTo(Duration.ofSeconds(3));
		assertThat(RequestTimeoutHeader.parse("1m")).isEqualTo(Duration.ofMinutes(1));
		assertThat(RequestTimeoutHeader.parse(" 3s ")).isEqualTo(Duration.ofSeconds(3));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "-5", "1.5s", "3h", "3 s", "s", "ms3", "9999999999999", "1e3", "0x10", "3S" })
	void rejectsMalformedValuesNamingTheHeader(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestTimeoutHeader.parse(value))
			.withMessageContaining("X-Request-Timeout");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0ms", "0s" })
	void rejectsZero(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestTimeoutHeader.parse(value))
			.withMessageContaining("must be positive");
	}

	@Test
	void unprintableValuesAreNotEchoedInTheMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestTimeoutHeader.parse("1\u0007<script>"))
			.withMessageNotContaining("<script>");
	}

}
