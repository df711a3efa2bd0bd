package dev.hardenedboot.observability.logging.masking;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonStreamContext;
import net.logstash.logback.mask.FieldMasker;

import org.springframework.lang.Nullable;

/**
 * Masks the value of every field whose name contains one of the configured words, ignoring
 * case and the separators people put in names: {@code api-key} matches {@code X-Api-Key},
 * {@code apiKey} and {@code API_KEY}; {@code password} matches {@code db.password}. Applies to
 * MDC keys, key-value pairs and structured arguments alike, at any depth; an object or array
 * under such a name is masked whole.
 */
public class SecretFieldMasker implements FieldMasker {

	/** Field names are few and repeat on every line: remember the verdict, up to a bound. */
	private static final int MAX_REMEMBERED = 1024;

	private final List<String> words;

	private final String mask;

	private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

	public SecretFieldMasker(List<String> words, String mask) {
		this.words = words.stream().map(SecretFieldMasker::normalize).filter((word) -> !word.isEmpty()).toList();
		this.mask = mask;
	}

	@Override
	@Nullable
	public Object mask(JsonStreamContext context) {
		String name = context.getCurrentName();
		return (name != null && isSecret(name)) ? this.mask : null;
	}

	boolean isSecret(String name) {
		Boolean verdict = this.verdicts.get(name);
		if (verdict == null) {
			String normalized = normalize(name);
			verdict = this.words.stream().anyMatch(normalized::contains);
			if (this.verdicts.size() < MAX_REMEMBERED) {
				this.verdicts.put(name, verdict);
			}
		}
		return verdict;
	}

	private static String normalize(String name) {
		StringBuilder normalized = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				normalized.append(Character.toLowerCase(c));
			}
		}
		return normalized.toString().toLowerCase(Locale.ROOT);
	}

}
