package dev.hardenedboot.observability.logging.masking;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonStreamContext;
import net.logstash.logback.mask.ValueMasker;

import org.springframework.lang.Nullable;

/**
 * Masks what matches one of the configured patterns inside every string value of a line,
 * the message included: by default bearer tokens and JWTs. The patterns are joined into one,
 * so each value is scanned once.
 */
public class SecretValueMasker implements ValueMasker {

	private final Pattern pattern;

	private final String replacement;

	public SecretValueMasker(List<String> patterns, String mask) {
		// Each on its own first, so an invalid one is reported as written.
		patterns.forEach(Pattern::compile);
		this.pattern = Pattern.compile(patterns.stream().map((p) -> "(?:" + p + ")").collect(Collectors.joining("|")));
		this.replacement = Matcher.quoteReplacement(mask);
	}

	@Override
	@Nullable
	public Object mask(JsonStreamContext context, Object value) {
		if (!(value instanceof CharSequence text)) {
			return null;
		}
		Matcher matcher = this.pattern.matcher(text);
		return matcher.find() ? matcher.replaceAll(this.replacement) : null;
	}

}
