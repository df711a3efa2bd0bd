package dev.hardenedboot.core.deadline;

import java.time.Duration;

/**
 * Reads {@value #NAME}: whole milliseconds ({@code 2500}) or a number with a unit
 * ({@code 2500ms}, {@code 3s}, {@code 1m}). Anything else, zero and negative values are
 * rejected; the caller answers them with 400 {@code INVALID_REQUEST_TIMEOUT}.
 */
final class RequestTimeoutHeader {

	/** The request header a caller states its own budget with. */
	static final String NAME = "X-Request-Timeout";

	/** Long enough for any real budget, short enough that no arithmetic overflows. */
	private static final int MAX_DIGITS = 12;

	private RequestTimeoutHeader() {
	}

	static Duration parse(String value) {
		String text = value.strip();
		int digits = 0;
		while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
			digits++;
		}
		if (digits == 0 || digits > MAX_DIGITS) {
			throw invalid(value);
		}
		long amount = Long.parseLong(text, 0, digits, 10);
		Duration duration = switch (text.substring(digits)) {
			case "", "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> throw invalid(value);
		};
		if (duration.isZero()) {
			throw new IllegalArgumentException(NAME + " must be positive");
		}
		return duration;
	}

	private static IllegalArgumentException invalid(String value) {
		boolean printable = value.length() <= 32 && value.chars().allMatch((c) -> c >= 0x20 && c < 0x7f);
		return new IllegalArgumentException(NAME + (printable ? " '" + value + "'" : "")
				+ " is not a duration: use milliseconds (2500) or a number with ms, s or m (2500ms, 3s)");
	}

}
