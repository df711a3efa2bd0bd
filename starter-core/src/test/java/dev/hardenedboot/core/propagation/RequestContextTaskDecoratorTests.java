package dev.hardenedboot.core.propagation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.RequestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class RequestContextTaskDecoratorTests {

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	private final RequestContextTaskDecorator decorator = new RequestContextTaskDecorator();

	@AfterEach
	void shutdown() {
		this.executor.shutdownNow();
		MDC.clear();
	}

	@Test
	void taskSeesTheRequestsMdcAndIdButNoDeadline() throws Exception {
		Map<String, Object> seen = new LinkedHashMap<>();
		Runnable task;
		MDC.put("request_id", "r-9");
		RequestContext context = RequestContext.of("r-9").withDeadline(Deadline.after(Duration.ofSeconds(5)));
		try (RequestContext.Scope scope = context.makeCurrent()) {
			task = this.decorator.decorate(() -> {
				seen.put("mdc", MDC.get("request_id"));
				seen.put("requestId", RequestContext.current().map(RequestContext::requestId).orElse(null));
				seen.put("deadline", Deadline.current().isPresent());
			});
		}
		MDC.clear();
		this.executor.submit(task).get();
		assertThat(seen).containsEntry("mdc", "r-9").containsEntry("requestId", "r-9").containsEntry("deadline", false);
	}

	@Test
	void workerThreadIsRestoredAfterTheTask() throws Exception {
		this.executor.submit(() -> MDC.put("worker", "own")).get();
		MDC.put("request_id", "r-10");
		Runnable task;
		try (RequestContext.Scope scope = RequestContext.of("r-10").makeCurrent()) {
			task = this.decorator.decorate(() -> {
			});
		}
		this.executor.submit(task).get();
		Map<String, Object> after = new LinkedHashMap<>();
		this.executor.submit(() -> {
			after.put("worker", MDC.get("worker"));
			after.put("request_id", MDC.get("request_id"));
			after.put("context", RequestContext.currentOrNull());
		}).get();
		assertThat(after).containsEntry("worker", "own").containsEntry("request_id", null).containsEntry("context", null);
	}

	@Test
	void tasksSubmittedOutsideARequestCarryNothing() throws Exception {
		Map<String, Object> seen = new LinkedHashMap<>();
		Runnable task = this.decorator.decorate(() -> {
			seen.put("context", RequestContext.currentOrNull());
			seen.put("mdc", MDC.getCopyOfContextMap());
		});
		this.executor.submit(task).get();
		assertThat(seen.get("context")).isNull();
		assertThat((Map<?, ?>) seen.get("mdc")).isNullOrEmpty();
	}

}
