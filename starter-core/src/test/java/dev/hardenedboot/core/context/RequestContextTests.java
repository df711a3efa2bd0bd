package dev.hardenedboot.core.context;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class RequestContextTests {

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	@AfterEach
	void shutdown() {
		this.executor.shutdownNow();
	}

	@Test
	void scopesNestAndRestore() {
		RequestContext outer = RequestContext.of("outer");
		RequestContext inner = outer.withRoute("/orders/{id}");
		assertThat(RequestContext.current()).isEmpty();
		try (RequestContext.Scope o = outer.makeCurrent()) {
			try (RequestContext.Scope i = inner.makeCurrent()) {
				assertThat(RequestContext.current()).containsSame(inner);
			}
			assertThat(RequestContext.current()).containsSame(outer);
			try (RequestContext.Scope cleared = RequestContext.bind(null)) {
				assertThat(RequestContext.currentOrNull()).isNull();
			}
			assertThat(RequestContext.currentOrNull()).isSameAs(outer);
		}
		assertThat(RequestContext.current()).isEmpty();
	}

	@Test
	void valuesAreImmutable() {
		Deadline deadline = Deadline.after(Duration.ofSeconds(1));
		RequestContext plain = RequestContext.of("r-1");
		RequestContext bounded = plain.withDeadline(deadline).withRoute("/a");
		assertThat(plain.deadline()).isEmpty();
		assertThat(plain.route()).isEmpty();
		assertThat(bounded.requestId()).isEqualTo("r-1");
		assertThat(bounded.deadline()).containsSame(deadline);
		assertThat(bounded.route()).contains("/a");
		assertThat(bounded.withoutDeadline().deadline()).isEmpty();
		assertThat(bounded.withoutDeadline().route()).contains("/a");
		assertThat(bounded.withRoute("/a")).isSameAs(bounded);
		assertThat(bounded.withDeadline(deadline)).isSameAs(bounded);
		assertThat(bounded.toString()).contains("r-1", "/a");
		assertThatNullPointerException().isThrownBy(() -> RequestContext.of(null));
	}

	@Test
	void contextSnapshotCarriesTheContextToAnotherThread() throws Exception {
		RequestContext context = RequestContext.of("r-2").withDeadline(Deadline.after(Duration.ofSeconds(5)));
		ContextSnapshot snapshot;
		try (RequestContext.Scope scope = context.makeCurrent()) {
			snapshot = ContextSnapshotFactory.builder().build().captureAll();
		}
		Callable<RequestContext> task = RequestContext::currentOrNull;
		assertThat(this.executor.submit(snapshot.wrap(task)).get()).isSameAs(context);
		// Restored afterwards: the pooled thread does not keep the request's context.
		assertThat(CompletableFuture.supplyAsync(RequestContext::currentOrNull, this.executor).get()).isNull();
	}

	@Test
	void injectableViewReadsTheCallingThread() {
		CurrentRequestContext view = new CurrentRequestContext();
		assertThat(view.get()).isEmpty();
		assertThat(view.requestId()).isEmpty();
		Deadline deadline = Deadline.after(Duration.ofSeconds(1));
		try (RequestContext.Scope scope = RequestContext.of("r-3").withDeadline(deadline).makeCurrent()) {
			assertThat(view.requestId()).contains("r-3");
			assertThat(view.deadline()).containsSame(deadline);
		}
	}

}
