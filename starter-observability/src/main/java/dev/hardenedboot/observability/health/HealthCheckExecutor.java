package dev.hardenedboot.observability.health;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;

/**
 * The small, bounded pool every health check runs on, and the bounds each check keeps: its
 * time limit and how long its result is reused. A check that outlives its limit keeps its
 * thread until it returns, but it is the only one for its indicator, so a hung dependency
 * holds one thread and never a growing number.
 */
public class HealthCheckExecutor implements Executor, DisposableBean {

	private final ThreadPoolExecutor pool;

	private final Duration timeout;

	private final Duration cacheTtl;

	public HealthCheckExecutor(HealthProperties properties) {
		this(properties.getThreads(), properties.getQueueCapacity(), properties.getTimeout(),
				properties.getCacheTtl());
	}

	HealthCheckExecutor(int threads, int queueCapacity, Duration timeout, Duration cacheTtl) {
		AtomicInteger count = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(queueCapacity), (task) -> {
					Thread thread = new Thread(task, "hardened-health-" + count.incrementAndGet());
					// A check hung in a socket read must not keep the JVM from exiting.
					thread.setDaemon(true);
					return thread;
				});
		this.pool.allowCoreThreadTimeOut(true);
		this.timeout = timeout;
		this.cacheTtl = cacheTtl;
	}

	@Override
	public void execute(Runnable command) {
		this.pool.execute(command);
	}

	Duration getTimeout() {
		return this.timeout;
	}

	Duration getCacheTtl() {
		return this.cacheTtl;
	}

	int getActiveCount() {
		return this.pool.getActiveCount();
	}

	@Override
	public void destroy() {
		// Interrupts what can be interrupted; a thread stuck in a socket read dies with the JVM.
		this.pool.shutdownNow();
	}

}
