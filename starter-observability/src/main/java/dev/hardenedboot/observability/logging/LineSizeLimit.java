package dev.hardenedboot.observability.logging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.springframework.lang.Nullable;

/**
 * Keeps a JSON line within a byte limit by cutting its longest string values, and says so
 * with {@code truncated_from} (the original size in bytes). Container runtimes split longer
 * lines, and half a JSON object is lost to every log pipeline. Lines within the limit, which
 * are nearly all of them, are passed through untouched; only an oversized line is parsed again.
 */
final class LineSizeLimit {

	static final String MARKER = "...[truncated]";

	/** A cut string keeps at least this many characters, so it still says what it was. */
	private static final int MIN_KEPT = 64;

	private static final ObjectMapper mapper = new ObjectMapper();

	private final int maxBytes;

	LineSizeLimit(int maxBytes) {
		this.maxBytes = maxBytes;
	}

	byte[] apply(byte[] line) {
		if (line.length <= this.maxBytes) {
			return line;
		}
		try {
			if (!(mapper.readTree(line) instanceof ObjectNode node)) {
				return line;
			}
			node.put("truncated_from", line.length);
			byte[] shrunk = write(node);
			while (shrunk.length > this.maxBytes) {
				Longest longest = longest(node, null);
				if (longest == null || longest.text().length() <= MIN_KEPT + MARKER.length()) {
					break;
				}
				int excess = shrunk.length - this.maxBytes;
				int keep = Math.max(MIN_KEPT, longest.text().length() - excess - MARKER.length());
				longest.replace(cut(longest.text(), keep) + MARKER);
				shrunk = write(node);
			}
			return shrunk;
		}
		catch (IOException ex) {
			// Not JSON after all (another encoder's prefix?): better long than lost.
			return line;
		}
	}

	private static byte[] write(ObjectNode node) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		mapper.writeValue(out, node);
		out.write('\n');
		return out.toByteArray();
	}

	/** Cuts before a surrogate pair rather than through it. */
	private static String cut(String text, int length) {
		int end = (length > 0 && Character.isHighSurrogate(text.charAt(length - 1))) ? length - 1 : length;
		return text.substring(0, end);
	}

	@Nullable
	private static Longest longest(JsonNode node, @Nullable Longest best) {
		if (node instanceof ObjectNode object) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (field.getValue() instanceof TextNode text) {
					best = longer(best, new Longest(text.textValue(), object, field.getKey(), -1));
				}
				else {
					best = longest(field.getValue(), best);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				if (array.get(i) instanceof TextNode text) {
					best = longer(best, new Longest(text.textValue(), array, null, i));
				}
				else {
					best = longest(array.get(i), best);
				}
			}
		}
		return best;
	}

	private static Longest longer(@Nullable Longest best, Longest candidate) {
		return (best == null || candidate.text().length() > best.text().length()) ? candidate : best;
	}

	private record Longest(String text, JsonNode parent, @Nullable String field, int index) {

		void replace(String value) {
			if (this.parent instanceof ObjectNode object && this.field != null) {
				object.put(this.field, value);
			}
			else if (this.parent instanceof ArrayNode array) {
				array.set(this.index, value);
			}
		}

	}

}
