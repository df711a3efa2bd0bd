package dev.hardenedboot.core.concurrency;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.DeadlineExceededException;
import dev.hardenedboot.core.context.RequestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class DefaultRequestExecutorTests {

	private final RequestExecutorProperties properties = new RequestExecutorProperties();

	private DefaultRequestExecutor executor;

	@AfterEach
	void shutdown() {
		if (this.executor != null) {
			this.executor.destroy();
		}
	}

	@Test
	void forkingOutsideARequestIsRefusedWithAPointerToOrdinaryExecutors() {
		this.executor = new DefaultRequestExecutor(this.properties, false);
		assertThatIllegalStateException().isThrownBy(() -> this.executor.fork(() -> 1))
			.withMessageContaining("outside a request")
			.withMessageContaining("@Async");
	}

	@Test
	void queuedForkOfAnEndedRequestNeverStarts() throws Exception {
		this.properties.setMaxThreads(1);
		this.executor = new DefaultRequestExecutor(this.properties, false);
		RequestForkScope scope = new RequestForkScope();
		CountDownLatch firstRunning = new CountDownLatch(1);
		AtomicBoolean secondRan = new AtomicBoolean();
		Fork<Object> first;
		Fork<Object> second;
		try (Bound bound = bind(scope, RequestContext.of("r-1"))) {
			first = this.executor.fork(() -> {
				firstRunning.countDown();
				Thread.sleep(30_000);
				return null;
			});
			second = this.executor.fork(() -> {
				secondRan.set(true);
				return null;
			});
		}
		assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.executor.queuedForks()).isEqualTo(1);
		scope.close();
		await().atMost(Duration.ofSeconds(2)).until(() -> this.executor.runningForks() == 0);
		await().atMost(Duration.ofSeconds(2)).until(() -> this.executor.queuedForks() == 0);
		assertThat(secondRan).isFalse();
		assertThat(this.executor.skippedForks()).isEqualTo(1);
		assertThat(first.isDone()).isTrue();
		assertThatExceptionOfType(CancellationException.class).isThrownBy(second::join);
	}

	@Test
	void forkAfterTheRequestEndedIsBornCancelled() {
		this.executor = new DefaultRequestExecutor(this.properties, false);
		RequestForkScope scope = new RequestForkScope();
		scope.close();
		AtomicBoolean ran = new AtomicBoolean();
		try (Bound bound = bind(scope, RequestContext.of("r-2"))) {
			Fork<Boolean> fork = this.executor.fork(() -> ran.getAndSet(true));
			assertThat(fork.isDone()).isTrue();
			assertThatExceptionOfType(CancellationException.class).isThrownBy(fork::join);
		}
		assertThat(ran).isFalse();
	}

	@Test
	void deadlineClosesTheScopeEvenWhenNobodyJoins() {
		this.executor = new DefaultRequestExecutor(this.properties, false);
		RequestForkScope scope = new RequestForkScope();
		Deadline deadline = Deadline.after(Duration.ofMillis(100));
		Fork<Object> fork;
		try (Bound bound = bind(scope, RequestContext.of("r-3").withDeadline(deadline))) {
			fork = this.executor.fork(() -> {
				Thread.sleep(30_000);
				return null;
			});
		}
		await().atMost(Duration.ofSeconds(1)).until(fork::isDone);
		assertThat(scope.isClosed()).isTrue();
		assertThatExceptionOfType(DeadlineExceededException.class).isThrownBy(fork::join);
	}

	@Test
	void joinRethrowsWhatTheTaskThrew() {
		this.executor = new DefaultRequestExecutor(this.properties, false);
		try (Bound bound = bind(new RequestForkScope(), RequestContext.of("r-4"))) {
			Fork<Object> unchecked = this.executor.fork(() -> {
				throw new IllegalArgumentException("bad");
			});
			assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(unchecked::join).withMessage("bad");
			Fork<Object> checked = this.executor.fork(() -> {
				throw new java.io.IOException("io");
			});
			assertThatExceptionOfType(CompletionException.class).isThrownBy(checked::join)
				.withCauseInstanceOf(java.io.IOException.class);
			assertThat(this.executor.fork(() -> 42).join()).isEqualTo(42);
		}
	}

	@Test
	void fullPoolAndQueueRejectAtOnce() throws Exception {
		this.properties.setMaxThreads(1);
		this.properties.setQueueCapacity(1);
		this.executor = new DefaultRequestExecutor(this.properties, false);
		RequestForkScope scope = new RequestForkScope();
		try (Bound bound = bind(scope, RequestContext.of("r-5"))) {
			this.executor.fork(() -> {
				Thread.sleep(30_000);
				return null;
			});
			this.executor.fork(() -> null);
			assertThatExceptionOfType(java.util.concurrent.RejectedExecutionException.class)
				.isThrownBy(() -> this.executor.fork(() -> null));
		}
		finally {
			scope.close();
		}
	}

	private static Bound bind(RequestForkScope scope, RequestContext context) {
		RequestForkScope previous = RequestForkScope.bind(scope);
		RequestContext.Scope request = context.makeCurrent();
		return () -> {
			request.close();
			RequestForkScope.bind(previous);
		};
	}

	@FunctionalInterface
	interface Bound extends AutoCloseable {

		@Override
		void close();

	}

}
