package dev.hardenedboot.data.query;

/**
 * A request ran one statement shape more often than
 * {@code hardened.data.repeated-query.threshold} while {@code mode} is {@code fail}.
 */
public class RepeatedQueryException extends IllegalStateException {

	RepeatedQueryException(String shape, int count, int threshold) {
		super("Statement run " + count + " times in one request, more than hardened.data.repeated-query.threshold="
				+ threshold + " (an N+1 pattern; load the association with a join or a batch): " + shape);
	}

}
