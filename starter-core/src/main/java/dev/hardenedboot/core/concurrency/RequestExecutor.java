package dev.hardenedboot.core.concurrency;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * Structured concurrency for a request, the Go {@code ctx} model: work forked here belongs
 * to the request that forked it. It carries the request's context and deadline; it is
 * cancelled (interrupted) when the request ends, when its deadline passes, or when the
 * container reports the client gone (which the servlet API notices only when a write
 * fails); and a task whose request has ended never starts.
 *
 * <pre class="code">
 * Fork&lt;Price&gt; price = requestExecutor.fork(() -&gt; pricing.priceOf(sku));
 * Fork&lt;Stock&gt; stock = requestExecutor.fork(() -&gt; inventory.stockOf(sku));
 * return new Offer(price.join(), stock.join());   // each join waits at most the deadline
 * </pre>
 *
 * Work that must outlive the request (fire-and-forget) belongs on an ordinary executor or an
 * {@code @Async} method, which carry the request id and trace but not the deadline.
 */
public interface RequestExecutor extends Executor {

	/**
	 * Forks {@code task} from the current request.
	 * @param <T> the result type
	 * @param task the work
	 * @return the fork, already cancelled when the request has ended
	 * @throws IllegalStateException when called outside a request
	 * @throws java.util.concurrent.RejectedExecutionException when the pool and its queue
	 * are full
	 */
	<T> Fork<T> fork(Callable<T> task);

	/**
	 * Forks {@code task} without a result; it is cancelled with the request all the same.
	 * @param task the work
	 */
	@Override
	default void execute(Runnable task) {
		fork(() -> {
			task.run();
			return null;
		});
	}

}
