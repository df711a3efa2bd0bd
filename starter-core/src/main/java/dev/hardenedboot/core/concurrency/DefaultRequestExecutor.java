package dev.hardenedboot.core.concurrency;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.RequestContext;
import dev.hardenedboot.core.propagation.CapturedContext;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The {@link RequestExecutor}: forks run on a bounded pool of daemon threads (or on virtual
 * threads), and one timer thread closes the fork scope of requests whose deadline passes
 * while they still run.
 */
class DefaultRequestExecutor implements RequestExecutor, DisposableBean {

	private final Executor workers;

	private final ScheduledExecutorService deadlineTimer;

	private final ForkStatistics statistics = new ForkStatistics();

	DefaultRequestExecutor(RequestExecutorProperties properties, boolean virtualThreads) {
		this.workers = virtualThreads ? new VirtualThreadTaskExecutor("hardened-fork-") : boundedPool(properties);
		ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
				daemonThreads("hardened-fork-deadline-"));
		timer.setRemoveOnCancelPolicy(true);
		this.deadlineTimer = timer;
	}

	private static ThreadPoolExecutor boundedPool(RequestExecutorProperties properties) {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(properties.getMaxThreads(), properties.getMaxThreads(),
				properties.getKeepAlive().toMillis(), TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(properties.getQueueCapacity()), daemonThreads("hardened-fork-"));
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	private static CustomizableThreadFactory daemonThreads(String prefix) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
		threads.setDaemon(true);
		return threads;
	}

	@Override
	public <T> Fork<T> fork(Callable<T> task) {
		RequestForkScope scope = RequestForkScope.current();
		RequestContext context = RequestContext.currentOrNull();
		if (scope == null || context == null) {
			throw new IllegalStateException("RequestExecutor.fork() was called outside a request. Work that is not "
					+ "part of a request, or must outlive it, belongs on an ordinary executor or an @Async method.");
		}
		ForkTask<T> fork = new ForkTask<>(task, scope, context, CapturedContext.capture(true), this.statistics);
		Deadline deadline = context.deadline().orElse(null);
		if ((deadline != null && deadline.isExpired()) || !scope.register(fork)) {
			fork.cancel(false);
			this.statistics.skipped();
			return fork;
		}
		if (deadline != null) {
			scope.closeAt(deadline, this.deadlineTimer);
		}
		try {
			this.workers.execute(fork);
		}
		catch (RejectedExecutionException ex) {
			scope.unregister(fork);
			throw ex;
		}
		return fork;
	}

	int runningForks() {
		return this.statistics.running();
	}

	long skippedForks() {
		return this.statistics.skippedCount();
	}

	int queuedForks() {
		return (this.workers instanceof ThreadPoolExecutor pool) ? pool.getQueue().size() : 0;
	}

	@Override
	public void destroy() {
		this.deadlineTimer.shutdownNow();
		if (this.workers instanceof ThreadPoolExecutor pool) {
			pool.shutdownNow();
		}
	}

}
