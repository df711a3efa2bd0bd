package dev.hardenedboot.data.query;

import java.util.List;

import dev.hardenedboot.data.jdbc.SqlShapes;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts each statement against the calling thread's {@link StatementLedger}, if one is
 * open. It counts at the JDBC layer, so JdbcTemplate, JdbcClient, JPA and plain JDBC are
 * counted alike. In fail mode the statement that crosses the threshold does not run.
 */
class RepeatedQueryListener implements QueryExecutionListener {

	private final SqlShapes shapes = new SqlShapes();

	private final RepeatedQueryProperties properties;

	RepeatedQueryListener(RepeatedQueryProperties properties) {
		this.properties = properties;
	}

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		StatementLedger ledger = StatementLedger.current();
		if (ledger == null) {
			return;
		}
		for (QueryInfo query : queryInfoList) {
			String shape = this.shapes.shapeOf(query.getQuery());
			int count = ledger.count(shape);
			if (this.properties.getMode() == RepeatedQueryProperties.Mode.FAIL
					&& count > this.properties.getThreshold()) {
				throw new RepeatedQueryException(shape, count, this.properties.getThreshold());
			}
		}
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		StatementLedger ledger = StatementLedger.current();
		if (ledger == null) {
			return;
		}
		for (QueryInfo query : queryInfoList) {
			ledger.addTime(this.shapes.shapeOf(query.getQuery()), execInfo.getElapsedTime());
		}
	}

}
