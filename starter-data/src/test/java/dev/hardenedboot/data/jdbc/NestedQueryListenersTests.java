package dev.hardenedboot.data.jdbc;

import java.util.ArrayList;
import java.util.List;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class NestedQueryListenersTests {

	private final List<String> calls = new ArrayList<>();

	private final ExecutionInfo execution = new ExecutionInfo();

	private final List<QueryInfo> queries = List.of(new QueryInfo("select 1"));

	@Test
	void beforeInOrderAfterInReverse() {
		NestedQueryListeners nested = new NestedQueryListeners(List.of(recording("a"), recording("b")));
		nested.beforeQuery(this.execution, this.queries);
		nested.afterQuery(this.execution, this.queries);
		assertThat(this.calls).containsExactly("before a", "before b", "after b", "after a");
	}

	@Test
	void aRejectionInBeforeUnwindsTheListenersThatStarted() {
		NestedQueryListeners nested = new NestedQueryListeners(
				List.of(recording("a"), throwing("b", true, false), recording("c")));
		assertThatIllegalStateException().isThrownBy(() -> nested.beforeQuery(this.execution, this.queries))
			.withMessage("b rejects");
		assertThat(this.calls).containsExactly("before a", "before b", "after a");
		assertThat(this.execution.getThrowable()).hasMessage("b rejects");
		assertThat(this.execution.isSuccess()).isFalse();
	}

	@Test
	void aFailureInAfterStillRunsTheOuterListenersAndIsRethrown() {
		NestedQueryListeners nested = new NestedQueryListeners(
				List.of(recording("a"), throwing("b", false, true), recording("c")));
		nested.beforeQuery(this.execution, this.queries);
		assertThatIllegalStateException().isThrownBy(() -> nested.afterQuery(this.execution, this.queries))
			.withMessage("b fails after");
		assertThat(this.calls).containsExactly("before a", "before b", "before c", "after c", "after b", "after a");
	}

	private QueryExecutionListener recording(String name) {
		return throwing(name, false, false);
	}

	private QueryExecutionListener throwing(String name, boolean before, boolean after) {
		return new QueryExecutionListener() {

			@Override
			public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
				NestedQueryListenersTests.this.calls.add("before " + name);
				if (before) {
					throw new IllegalStateException(name + " rejects");
				}
			}

			@Override
			public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
				NestedQueryListenersTests.this.calls.add("after " + name);
				if (after) {
					throw new IllegalStateException(name + " fails after");
				}
			}

		};
	}

}
