package dev.hardenedboot.data.jdbc;

import java.util.List;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * The query listeners beneath one pool, nested like servlet filters: before a statement they
 * run in order, after it in reverse order, and a listener that throws still lets the ones
 * around it finish what they started.
 *
 * <p>datasource-proxy's own {@code ChainListener} runs both phases in one order and stops at
 * the first exception. That loses work a listener opened in {@code beforeQuery}: when a spent
 * deadline or the repeated-statement guard's fail mode rejects a statement, the span opened
 * for it would never be closed, and its scope would stay current on the request thread for
 * everything the thread runs next. Here a rejected statement unwinds like a failed one: the
 * listeners that had started get {@code afterQuery} with the rejection as the throwable.
 */
final class NestedQueryListeners implements QueryExecutionListener {

	private final QueryExecutionListener[] listeners;

	NestedQueryListeners(List<QueryExecutionListener> listeners) {
		this.listeners = listeners.toArray(QueryExecutionListener[]::new);
	}

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		int started = 0;
		try {
			for (QueryExecutionListener listener : this.listeners) {
				listener.beforeQuery(execInfo, queryInfoList);
				started++;
			}
		}
		catch (RuntimeException | Error ex) {
			// The statement will not run, and datasource-proxy calls no afterQuery for it.
			execInfo.setThrowable(ex);
			execInfo.setSuccess(false);
			try {
				afterQuery(execInfo, queryInfoList, started);
			}
			catch (RuntimeException | Error unwinding) {
				ex.addSuppressed(unwinding);
			}
			throw ex;
		}
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		afterQuery(execInfo, queryInfoList, this.listeners.length);
	}

	private void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList, int started) {
		Throwable first = null;
		for (int i = started - 1; i >= 0; i--) {
			try {
				this.listeners[i].afterQuery(execInfo, queryInfoList);
			}
			catch (RuntimeException | Error ex) {
				if (first == null) {
					first = ex;
				}
				else {
					first.addSuppressed(ex);
				}
			}
		}
		if (first instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (first instanceof Error error) {
			throw error;
		}
	}

}
