package dev.hardenedboot.core.concurrency;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The request-scoped executor's pool.
 */
@ConfigurationProperties("hardened.request.executor")
@Validated
public class RequestExecutorProperties {

	/**
	 * Most threads running forks at once. Forks beyond it wait in the queue.
	 */
	@Min(1)
	private int maxThreads = 64;

	/**
	 * Most forks waiting for a thread; a fork beyond it is rejected at once
	 * (RejectedExecutionException) rather than queued without bound.
	 */
	@Min(1)
	private int queueCapacity = 256;

	/**
	 * How long an idle pool thread lives.
	 */
	@NotNull
	private Duration keepAlive = Duration.ofSeconds(60);

	/**
	 * Whether forks run on virtual threads instead of the pool (Java 21 or newer). When
	 * unset, follows spring.threads.virtual.enabled.
	 */
	private Boolean virtualThreads;

	public int getMaxThreads() {
		return this.maxThreads;
	}

	public void setMaxThreads(int maxThreads) {
		this.maxThreads = maxThreads;
	}

	public int getQueueCapacity() {
		return this.queueCapacity;
	}

	public void setQueueCapacity(int queueCapacity) {
		this.queueCapacity = queueCapacity;
	}

	public Duration getKeepAlive() {
		return this.keepAlive;
	}

	public void setKeepAlive(Duration keepAlive) {
		this.keepAlive = keepAlive;
	}

	public Boolean getVirtualThreads() {
		return this.virtualThreads;
	}

	public void setVirtualThreads(Boolean virtualThreads) {
		this.virtualThreads = virtualThreads;
	}

}
