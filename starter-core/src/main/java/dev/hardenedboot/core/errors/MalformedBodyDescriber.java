package dev.hardenedboot.core.errors;

import java.io.CharConversionException;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Says what is wrong with an unreadable body in the client's terms: where (line and column,
 * or the JSON path) and what was expected. Jackson's own messages name Java classes and
 * echo input; none of that reaches the client.
 */
final class MalformedBodyDescriber {

	private MalformedBodyDescriber() {
	}

	static String describe(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause == null) {
			return "The request body is missing or cannot be read.";
		}
		if (cause instanceof StreamConstraintsException) {
			return "The JSON body exceeds the server's limits on size, nesting depth or string length.";
		}
		JsonProcessingException syntax = syntaxError(cause);
		if (syntax != null) {
			// A broken document, even if Jackson met it while binding a property.
			return syntaxProblem(syntax) + location(syntax.getLocation()) + ".";
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return "Unknown property '" + printable(unknown.getPropertyName()) + "' at " + path(unknown.getPath())
					+ ".";
		}
		if (cause instanceof InvalidNullException invalidNull) {
			return "null is not allowed at " + path(invalidNull.getPath()) + ".";
		}
		if (cause instanceof MismatchedInputException nullPrimitive && nullPrimitive.getOriginalMessage() != null
				&& nullPrimitive.getOriginalMessage().startsWith("Cannot map `null`")) {
			return "null is not allowed at " + path(nullPrimitive.getPath()) + ".";
		}
		if (cause instanceof InvalidFormatException invalid) {
			return "Invalid value at " + path(invalid.getPath()) + ": expected " + describeType(invalid.getTargetType())
					+ ".";
		}
		if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
			return "Invalid value at " + path(mismatched.getPath()) + ": expected "
					+ describeType(mismatched.getTargetType()) + ".";
		}
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			return "Invalid value at " + path(mapping.getPath()) + ".";
		}
		if (cause instanceof JsonProcessingException processing) {
			return syntaxProblem(processing) + location(processing.getLocation()) + ".";
		}
		return "The request body is not valid JSON.";
	}

	/**
	 * The parse error behind {@code cause}, when the document itself is broken (as opposed
	 * to a valid document with a wrong value).
	 */
	private static JsonProcessingException syntaxError(Throwable cause) {
		for (Throwable candidate = cause; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof JsonParseException parse) {
				return parse;
			}
			if (candidate instanceof CharConversionException && cause instanceof JsonProcessingException processing) {
				return processing;
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return null;
	}

	private static String syntaxProblem(JsonProcessingException ex) {
		String message = ex.getOriginalMessage();
		if (message != null && message.startsWith("Duplicate field")) {
			return "Duplicate property";
		}
		if (message != null && message.startsWith("Trailing token")) {
			return "Unexpected content after the JSON value";
		}
		if (message != null && message.contains("end-of-input")) {
			return "The JSON body ends too early";
		}
		if (message != null && (message.contains("Invalid UTF-8") || message.contains("UTF8"))) {
			return "The body is not valid UTF-8";
		}
		return "Malformed JSON";
	}

	private static String location(JsonLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	/**
	 * The JSON path of a databind error: {@code $.lines[0].quantity}.
	 */
	static String path(List<JsonMappingException.Reference> references) {
		StringBuilder path = new StringBuilder("$");
		for (JsonMappingException.Reference reference : references) {
			if (reference.getFieldName() != null) {
				path.append('.').append(printable(reference.getFieldName()));
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String describeType(Class<?> type) {
		if (type == null) {
			return "a different value";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class
				|| type == short.class || type == Short.class || type == java.math.BigInteger.class) {
			return "an integer";
		}
		if (type == double.class || type == Double.class || type == float.class || type == Float.class
				|| type == java.math.BigDecimal.class) {
			return "a number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type == String.class || type == char.class || type == Character.class) {
			return "a string";
		}
		if (type.isEnum()) {
			Object[] constants = type.getEnumConstants();
			StringBuilder values = new StringBuilder("one of ");
			for (int i = 0; i < constants.length; i++) {
				values.append((i > 0) ? ", " : "").append(constants[i]);
			}
			return values.toString();
		}
		if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
			return "an ISO-8601 date or time";
		}
		if (java.time.Duration.class == type) {
			return "an ISO-8601 duration";
		}
		return "an object";
	}

	/** Property names come from the client: keep them short and printable in the detail. */
	private static String printable(String name) {
		StringBuilder safe = new StringBuilder();
		for (int i = 0; i < name.length() && i < 64; i++) {
			char c = name.charAt(i);
			safe.append((c >= 0x20 && c < 0x7f && c != '\'') ? c : '?');
		}
		return safe.toString();
	}

}
