package dev.hardenedboot.data.tracing;

import java.util.Arrays;
import java.util.List;

import dev.hardenedboot.data.jdbc.SqlShapes;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import net.ttddyy.observation.tracing.JdbcObservationDocumentation.QueryHighCardinalityKeyNames;
import net.ttddyy.observation.tracing.QueryContext;
import net.ttddyy.observation.tracing.QueryObservationConvention;

/**
 * datasource-micrometer's query convention with the statement's shape in place of its text:
 * literals and IN lists folded to {@code ?}, the same shape the repeated-statement guard
 * reports. Bind parameter values are never added, whatever the listener is told: a value may
 * be a password, a token or personal data, and span attributes leave the process. A batch
 * names at most {@value #MAX_STATEMENTS} statements.
 */
final class QueryShapeObservationConvention implements QueryObservationConvention {

	static final int MAX_STATEMENTS = 10;

	private static final String[] QUERY_KEYS = new String[MAX_STATEMENTS];

	static {
		for (int i = 0; i < MAX_STATEMENTS; i++) {
			QUERY_KEYS[i] = String.format(QueryHighCardinalityKeyNames.QUERY.asString(), i);
		}
	}

	private final SqlShapes shapes = new SqlShapes();

	@Override
	public KeyValues getHighCardinalityKeyValues(QueryContext context) {
		List<String> queries = context.getQueries();
		int statements = Math.min(queries.size(), MAX_STATEMENTS);
		KeyValue[] keyValues = new KeyValue[statements + 1];
		int next = 0;
		for (int i = 0; i < statements; i++) {
			keyValues[next++] = KeyValue.of(QUERY_KEYS[i], this.shapes.shapeOf(queries.get(i)));
		}
		String affectedRows = context.getAffectedRowCount();
		if (affectedRows != null) {
			keyValues[next++] = KeyValue.of(QueryHighCardinalityKeyNames.ROW_AFFECTED, affectedRows);
		}
		return KeyValues.of(Arrays.copyOf(keyValues, next));
	}

}
