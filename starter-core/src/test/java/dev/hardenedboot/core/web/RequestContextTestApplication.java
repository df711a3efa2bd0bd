package dev.hardenedboot.core.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.hardenedboot.core.concurrency.Fork;
import dev.hardenedboot.core.concurrency.RequestExecutor;
import dev.hardenedboot.core.context.CurrentRequestContext;
import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.RequestContext;
import dev.hardenedboot.core.requestid.RequestIdFilter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A minimal application for the request-context tests: Boot's auto-configuration (ours
 * included, from the imports file) and endpoints that report what they see.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableAsync
@Import({ RequestContextTestApplication.Endpoints.class, RequestContextTestApplication.AsyncWork.class,
		ForkLedger.class, ErrorEndpoints.class, ErrorEndpoints.UserAdvice.class })
public class RequestContextTestApplication {

	@Bean
	FilterRegistrationBean<FailingFilter> failingFilter() {
		FilterRegistrationBean<FailingFilter> registration = new FilterRegistrationBean<>(new FailingFilter());
		registration.addUrlPatterns("/filter/*");
		return registration;
	}

	/**
	 * Fire-and-forget work on Boot's {@code applicationTaskExecutor}.
	 */
	public static class AsyncWork {

		private static final Logger logger = LoggerFactory.getLogger(AsyncWork.class);

		private final ObservationRegistry observations;

		AsyncWork(ObservationRegistry observations) {
			this.observations = observations;
		}

		@Async
		public CompletableFuture<Map<String, Object>> report(Observation requestObservation) {
			logger.info("async work for the request");
			Map<String, Object> seen = new LinkedHashMap<>();
			seen.put("thread", Thread.currentThread().getName());
			seen.put("mdc", MDC.get(RequestIdFilter.MDC_KEY));
			seen.put("requestId", RequestContext.current().map(RequestContext::requestId).orElse(null));
			seen.put("hasDeadline", Deadline.current().isPresent());
			Observation current = this.observations.getCurrentObservation();
			seen.put("sameObservation", requestObservation != null && current == requestObservation);
			return CompletableFuture.completedFuture(seen);
		}

	}

	@RestController
	public static class Endpoints {

		private final CurrentRequestContext current;

		private final RestClient restClient;

		private final ScheduledExecutorService streamer = Executors.newSingleThreadScheduledExecutor();

		final AtomicInteger invocations = new AtomicInteger();

		private final AsyncWork asyncWork;

		private final RequestExecutor requestExecutor;

		private final ForkLedger ledger;

		private final ObservationRegistry observations;

		Endpoints(CurrentRequestContext current, RestClient.Builder restClient, AsyncWork asyncWork,
				ObservationRegistry observations, RequestExecutor requestExecutor, ForkLedger ledger) {
			this.current = current;
			this.requestExecutor = requestExecutor;
			this.ledger = ledger;
			this.restClient = restClient.build();
			this.asyncWork = asyncWork;
			this.observations = observations;
		}

		/**
		 * Forks {@code tasks} sleepers and joins them; with a short deadline, the join ends
		 * the request in 504 and the sleepers are cancelled.
		 */
		@GetMapping("/fanout")
		String fanout(@RequestParam int tasks, @RequestParam long sleepMillis,
				@RequestParam(defaultValue = "true") boolean join) {
			String requestId = this.current.requestId().orElseThrow();
			List<Fork<String>> forks = new ArrayList<>();
			for (int i = 0; i < tasks; i++) {
				forks.add(this.requestExecutor.fork(() -> this.ledger.sleep(requestId, sleepMillis)));
			}
			if (!join) {
				return "forked";
			}
			return forks.stream().map(Fork::join).collect(Collectors.joining(","));
		}

		/**
		 * What a fork sees of its request.
		 */
		@GetMapping("/fork-context")
		Map<String, Object> forkContext() {
			return this.requestExecutor.fork(() -> {
				Map<String, Object> seen = new LinkedHashMap<>();
				seen.put("thread", Thread.currentThread().getName());
				seen.put("requestId", RequestContext.current().map(RequestContext::requestId).orElse(null));
				seen.put("mdc", MDC.get(RequestIdFilter.MDC_KEY));
				seen.put("remainingMillis", Deadline.current().map(Deadline::remainingMillis).orElse(-1L));
				return seen;
			}).join();
		}

		@GetMapping("/async-callable")
		Callable<String> asyncCallable(@RequestParam long millis) {
			String requestId = this.current.requestId().orElseThrow();
			return () -> {
				this.ledger.recordDeadlineSeen(requestId, Deadline.current().isPresent());
				return this.ledger.sleep(requestId, millis);
			};
		}

		@GetMapping("/async-deferred")
		DeferredResult<String> asyncDeferred() {
			// Never completed by the application: only a timeout ends it.
			return new DeferredResult<>();
		}

		@GetMapping("/async-future")
		CompletableFuture<String> asyncFuture(@RequestParam long millis) {
			String requestId = this.current.requestId().orElseThrow();
			return CompletableFuture.supplyAsync(() -> {
				try {
					return this.ledger.sleep(requestId, millis);
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			}, this.requestExecutor);
		}

		@GetMapping("/async")
		Map<String, Object> async() {
			Map<String, Object> seen = new LinkedHashMap<>(
					this.asyncWork.report(this.observations.getCurrentObservation()).join());
			seen.put("requestThread", Thread.currentThread().getName());
			return seen;
		}

		/**
		 * Calls a downstream on 127.0.0.1 after an optional delay of its own.
		 */
		@GetMapping("/proxy")
		String proxy(@RequestParam int port, @RequestParam long downstreamMillis,
				@RequestParam(defaultValue = "0") long delayMillis) throws InterruptedException {
			Thread.sleep(delayMillis);
			return this.restClient.get()
				.uri("http://127.0.0.1:" + port + "/work?millis=" + downstreamMillis)
				.retrieve()
				.body(String.class);
		}

		@GetMapping("/context/{id}")
		Map<String, Object> context(@PathVariable String id) {
			this.invocations.incrementAndGet();
			Map<String, Object> seen = new LinkedHashMap<>();
			seen.put("requestId", this.current.requestId().orElse(null));
			seen.put("mdc", MDC.get(RequestIdFilter.MDC_KEY));
			seen.put("remainingMillis", this.current.deadline().map(Deadline::remainingMillis).orElse(-1L));
			seen.put("route", RequestContext.current().flatMap(RequestContext::route).orElse(null));
			return seen;
		}

		@GetMapping("/health/custom")
		Map<String, Object> probe() {
			return Map.of("remainingMillis", this.current.deadline().map(Deadline::remainingMillis).orElse(-1L));
		}

		@GetMapping("/sleep")
		String sleep(@RequestParam long millis) throws InterruptedException {
			Thread.sleep(millis);
			return "done";
		}

		@GetMapping("/slow/{name}")
		String slow(@PathVariable String name) throws InterruptedException {
			Thread.sleep(400);
			return name;
		}

		@GetMapping("/cooperative")
		String cooperative(@RequestParam long millis) throws InterruptedException {
			long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
			while (System.nanoTime() < end) {
				Deadline.current().ifPresent(Deadline::throwIfExpired);
				Thread.sleep(10);
			}
			return "finished";
		}

		@GetMapping("/boom")
		String boom() {
			throw new IllegalStateException("boom");
		}

		@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		SseEmitter events(@RequestParam int count, @RequestParam long intervalMillis) {
			SseEmitter emitter = new SseEmitter(Duration.ofMinutes(5).toMillis());
			AtomicInteger sent = new AtomicInteger();
			this.streamer.scheduleAtFixedRate(() -> {
				int n = sent.incrementAndGet();
				try {
					emitter.send(SseEmitter.event().id(Integer.toString(n)).data("tick-" + n));
					if (n == count) {
						emitter.complete();
						throw new IllegalStateException("done");
					}
				}
				catch (IOException ex) {
					emitter.completeWithError(ex);
					throw new IllegalStateException(ex);
				}
			}, 0, intervalMillis, TimeUnit.MILLISECONDS);
			return emitter;
		}

	}

}
