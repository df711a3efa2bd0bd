package dev.hardenedboot.core.web;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.hardenedboot.core.context.CurrentRequestContext;
import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.RequestContext;
import dev.hardenedboot.core.requestid.RequestIdFilter;
import org.slf4j.MDC;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A minimal application for the request-context tests: Boot's auto-configuration (ours
 * included, from the imports file) and endpoints that report what they see.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(RequestContextTestApplication.Endpoints.class)
public class RequestContextTestApplication {

	@RestController
	public static class Endpoints {

		private final CurrentRequestContext current;

		private final RestClient restClient;

		private final ScheduledExecutorService streamer = Executors.newSingleThreadScheduledExecutor();

		final AtomicInteger invocations = new AtomicInteger();

		Endpoints(CurrentRequestContext current, RestClient.Builder restClient) {
			this.current = current;
			this.restClient = restClient.build();
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
