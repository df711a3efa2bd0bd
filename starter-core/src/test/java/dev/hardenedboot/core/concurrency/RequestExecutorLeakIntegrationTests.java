package dev.hardenedboot.core.concurrency;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.hardenedboot.core.web.ForkLedger;
import dev.hardenedboot.core.web.HttpProbe;
import dev.hardenedboot.core.web.RequestContextWebTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No forked task survives its request: 500 requests, each forking 4 tasks that would sleep
 * 30 s, all timed out at 100 ms. Forked tasks are counted by a ledger the tasks keep
 * themselves, not by JVM threads: Tomcat's pool grows and idles, and virtual threads are
 * invisible to {@link ThreadMXBean}.
 */
class RequestExecutorLeakIntegrationTests extends RequestContextWebTests {

	private static final int REQUESTS = 500;

	private static final int FORKS_PER_REQUEST = 4;

	private static final int CONCURRENCY = 16;

	@Autowired
	private ForkLedger ledger;

	@Autowired
	private DefaultRequestExecutor executor;

	@Test
	void cancelledRequestsLeaveNoForkedTaskAlive() throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
		try {
			round(clients, "warmup");
			await().atMost(Duration.ofSeconds(2)).until(() -> this.ledger.alive() == 0);
			Thread.sleep(500);
			int baselineThreads = threads.getThreadCount();
			String baselineCensus = threadCensus();
			int startedBefore = this.ledger.started();
			long skippedBefore = this.executor.skippedForks();

			Round measured = round(clients, "leak");
			long lastResponse = measured.lastResponseNanos();
			await().atMost(Duration.ofSeconds(2)).until(() -> this.ledger.alive() == 0);
			Duration settled = Duration.ofNanos(System.nanoTime() - lastResponse);
			long maxOverrunMillis = measured.maxOverrunMillis(this.ledger);
			try {
				// Other threads of the JVM (pools idling out, clients closing) settle on their own time.
				await().atMost(Duration.ofSeconds(10))
					.until(() -> Math.abs(threads.getThreadCount() - baselineThreads) <= 2);
			}
			catch (org.awaitility.core.ConditionTimeoutException ex) {
				throw new AssertionError("Thread count did not return to the baseline " + baselineThreads
						+ "\nbaseline: " + baselineCensus + "\nnow:      " + threadCensus(), ex);
			}

			System.out.printf(
					"fork leak test: %d requests x %d forks, %d x 504; forks started %d, never started %d; "
							+ "alive %d within %d ms of the last response; latest fork end %d ms after its "
							+ "response; threads %d at baseline, %d after%n",
					REQUESTS, FORKS_PER_REQUEST, measured.timeouts(), this.ledger.started() - startedBefore,
					this.executor.skippedForks() - skippedBefore, this.ledger.alive(), settled.toMillis(),
					maxOverrunMillis, baselineThreads, threads.getThreadCount());
			System.out.println("threads at baseline: " + baselineCensus);
			System.out.println("threads after:       " + threadCensus());
			assertThat(measured.timeouts()).isEqualTo(REQUESTS);
			assertThat(this.ledger.alive()).isZero();
			assertThat(this.executor.runningForks()).isZero();
			assertThat(maxOverrunMillis).isLessThanOrEqualTo(250);
			assertThat(threads.getThreadCount()).isBetween(baselineThreads - 2, baselineThreads + 2);
		}
		finally {
			clients.shutdownNow();
		}
	}

	/**
	 * Live threads by name with the numbers stripped, so pools can be compared.
	 */
	private static String threadCensus() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.collect(java.util.stream.Collectors.groupingBy((thread) -> thread.getName().replaceAll("\\d+", "#"),
					java.util.TreeMap::new, java.util.stream.Collectors.counting()))
			.toString();
	}

	private Round round(ExecutorService clients, String prefix) throws Exception {
		HttpProbe http = new HttpProbe(this.port);
		Map<String, Long> answeredAt = new ConcurrentHashMap<>();
		List<Future<Integer>> statuses = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			String requestId = prefix + "-" + i;
			statuses.add(clients.submit(() -> {
				HttpResponse<String> response = http.get(
						"/fanout?tasks=" + FORKS_PER_REQUEST + "&sleepMillis=30000", "X-Request-ID", requestId,
						"X-Request-Timeout", "100ms");
				answeredAt.put(requestId, System.nanoTime());
				return response.statusCode();
			}));
		}
		int timeouts = 0;
		for (Future<Integer> status : statuses) {
			timeouts += (status.get() == 504) ? 1 : 0;
		}
		return new Round(answeredAt, timeouts);
	}

	private record Round(Map<String, Long> answeredAt, int timeouts) {

		long lastResponseNanos() {
			return this.answeredAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
		}

		long maxOverrunMillis(ForkLedger ledger) {
			long worst = Long.MIN_VALUE;
			for (Map.Entry<String, Long> answered : this.answeredAt.entrySet()) {
				Long lastEnd = ledger.lastEndNanos(answered.getKey());
				if (lastEnd != null) {
					worst = Math.max(worst, lastEnd - answered.getValue());
				}
			}
			return Duration.ofNanos(worst).toMillis();
		}

	}

}
