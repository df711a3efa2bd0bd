package dev.hardenedboot.resilience.shedding;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.hardenedboot.core.web.HardenedFilterOrder;
import dev.hardenedboot.resilience.shedding.PathGroupLimiters.GroupLimiter;
import dev.hardenedboot.resilience.web.AppClient;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fixed limit of 4 (adaptive limits move) and a handler that holds its permit for 200 ms,
 * under four times as many concurrent clients, over real sockets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hardened.resilience.load-shedding.algorithm=fixed",
				"hardened.resilience.load-shedding.initial-limit=4",
				"hardened.resilience.load-shedding.groups.reports.paths=/reports/**",
				"hardened.resilience.load-shedding.groups.reports.initial-limit=1",
				"management.endpoint.health.probes.enabled=true" })
class LoadSheddingIntegrationTests {

	private static final int LIMIT = 4;

	private static final Duration HOLD = Duration.ofMillis(200);

	private static volatile CountDownLatch release = new CountDownLatch(0);

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	private AppClient app;

	@Autowired
	private PathGroupLimiters limiters;

	@BeforeEach
	void warmUp() throws Exception {
		ServerTimes.clear();
		this.app = new AppClient(this.port);
		// Connections open, server threads started and the rejection path run once: the
		// measured burst arrives at once and is not slowed by first-time class loading.
		concurrently(4 * LIMIT, "/actuator/health/liveness");
		concurrently(2 * LIMIT, "/work");
		ServerTimes.clear();
	}

	@Test
	void theExcessIsShedFastAdmittedRequestsKeepTheirLatencyAndProbesAnswer() throws Exception {
		double rejectedBefore = rejected("default");
		List<Timed> results = concurrently(4 * LIMIT, "/work");
		List<Timed> admitted = results.stream().filter((result) -> result.status() == 200).toList();
		List<Timed> shed = results.stream().filter((result) -> result.status() == 503).toList();
		assertThat(admitted).hasSize(LIMIT);
		assertThat(shed).hasSize(3 * LIMIT);
		// On the server, from just inside the observation filter: under a tenth of the hold.
		List<Duration> serverRejections = ServerTimes.of(503);
		assertThat(serverRejections).hasSizeGreaterThanOrEqualTo(3 * LIMIT);
		assertThat(median(serverRejections)).isLessThan(HOLD.dividedBy(10));
		// At the client too, where the shared test machine adds its scheduling delays: far
		// faster than the admitted requests.
		assertThat(median(shed.stream().map(Timed::took).toList()))
			.isLessThan(median(admitted.stream().map(Timed::took).toList()).dividedBy(2));
		assertThat(admitted).allSatisfy((result) -> assertThat(result.took()).isLessThan(HOLD.plusMillis(300)));
		HttpResponse<String> rejection = shed.get(0).response();
		assertThat(rejection.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(rejection.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(AppClient.json(rejection).get("code").asText()).isEqualTo("OVERLOADED");
		assertThat(rejected("default") - rejectedBefore).isEqualTo(3 * LIMIT);
		assertThat(this.meters.get(LoadSheddingMetrics.LIMIT).tag("group", "default").gauge().value())
			.isEqualTo(LIMIT);
	}

	@Test
	void probesAnswerWhileTheLimitIsTaken() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> holders = holdAll(LIMIT, "/hold");
		try {
			assertThat(this.app.get("/work").statusCode()).isEqualTo(503);
			assertThat(this.app.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
			assertThat(this.app.get("/actuator/health").statusCode()).isEqualTo(200);
		}
		finally {
			release.countDown();
		}
		for (CompletableFuture<HttpResponse<String>> holder : holders) {
			assertThat(holder.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void anAsyncRequestHoldsItsPermitUntilItCompletes() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> holders = holdAll(LIMIT, "/async-hold");
		GroupLimiter work = this.limiters.groupOf("/work").orElseThrow();
		try {
			// The handlers returned long ago; their requests are still in flight.
			Thread.sleep(100);
			assertThat(work.inflight()).isEqualTo(LIMIT);
			assertThat(this.app.get("/work").statusCode()).isEqualTo(503);
		}
		finally {
			release.countDown();
		}
		for (CompletableFuture<HttpResponse<String>> holder : holders) {
			assertThat(holder.get(5, TimeUnit.SECONDS).body()).isEqualTo("released later");
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (work.inflight() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(work.inflight()).isZero();
	}

	@Test
	void aPathGroupHasItsOwnLimit() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> report = holdAll(1, "/reports/hold");
		try {
			double before = rejected("reports");
			assertThat(this.app.get("/reports/monthly").statusCode()).isEqualTo(503);
			assertThat(rejected("reports") - before).isEqualTo(1);
			// The default group's limit is untouched by the reports.
			assertThat(this.app.get("/work").statusCode()).isEqualTo(200);
		}
		finally {
			release.countDown();
		}
		assertThat(report.get(0).get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
	}

	/** Requests that hold their permits until {@link #release}; returns once all are admitted. */
	private List<CompletableFuture<HttpResponse<String>>> holdAll(int count, String path)
			throws InterruptedException {
		release = new CountDownLatch(1);
		GroupLimiter group = this.limiters.groupOf(path).orElseThrow();
		List<CompletableFuture<HttpResponse<String>>> holders = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			holders.add(this.app.getAsync(path));
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (group.inflight() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(group.inflight()).isEqualTo(count);
		return holders;
	}

	private double rejected(String group) {
		return this.meters.get(LoadSheddingMetrics.REJECTED).tag("group", group).counter().count();
	}

	private List<Timed> concurrently(int clients, String path) throws Exception {
		List<CompletableFuture<Timed>> futures = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			long begin = System.nanoTime();
			futures.add(this.app.getAsync(path)
				.thenApply((response) -> new Timed(response.statusCode(), Duration.ofNanos(System.nanoTime() - begin),
						response)));
		}
		List<Timed> results = new ArrayList<>();
		for (CompletableFuture<Timed> future : futures) {
			results.add(future.get(10, TimeUnit.SECONDS));
		}
		return results;
	}

	private static Duration median(List<Duration> durations) {
		List<Duration> times = new ArrayList<>(durations);
		Collections.sort(times);
		return times.get(times.size() / 2);
	}

	record Timed(int status, Duration took, HttpResponse<String> response) {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(WorkController.class)
	static class App {

		@Bean
		FilterRegistrationBean<ServerTimes> serverTimes() {
			FilterRegistrationBean<ServerTimes> registration = new FilterRegistrationBean<>(new ServerTimes());
			registration.setOrder(HardenedFilterOrder.OBSERVATION + 1);
			return registration;
		}

	}

	/** How long the server spent on each request, by status, measured inside its observation filter. */
	static class ServerTimes extends OncePerRequestFilter {

		private static final Map<Integer, List<Duration>> times = new ConcurrentHashMap<>();

		static List<Duration> of(int status) {
			return List.copyOf(times.getOrDefault(status, List.of()));
		}

		static void clear() {
			times.clear();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			long start = System.nanoTime();
			try {
				chain.doFilter(request, response);
			}
			finally {
				times.computeIfAbsent(response.getStatus(), (status) -> new CopyOnWriteArrayList<>())
					.add(Duration.ofNanos(System.nanoTime() - start));
			}
		}

	}

	@RestController
	static class WorkController {

		@GetMapping({ "/work", "/reports/monthly" })
		String work() throws InterruptedException {
			Thread.sleep(HOLD.toMillis());
			return "done";
		}

		private final ExecutorService asyncWork = Executors.newCachedThreadPool();

		@PreDestroy
		void stop() {
			this.asyncWork.shutdownNow();
		}

		@GetMapping("/async-hold")
		CompletableFuture<String> asyncHold() {
			CountDownLatch latch = release;
			return CompletableFuture.supplyAsync(() -> {
				try {
					latch.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return "released later";
			}, this.asyncWork);
		}

		@GetMapping({ "/hold", "/reports/hold" })
		String hold() throws InterruptedException {
			release.await(10, TimeUnit.SECONDS);
			return "released";
		}

	}

}
