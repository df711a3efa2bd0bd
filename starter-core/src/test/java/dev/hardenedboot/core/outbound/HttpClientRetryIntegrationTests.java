package dev.hardenedboot.core.outbound;

import java.time.Duration;
import java.util.function.Consumer;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.RequestContext;
import dev.hardenedboot.core.outbound.ScriptedServer.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Apache HttpClient's own retries, as every Boot-built client gets them from starter-core
 * alone, against a real downstream that answers 503, asks to come back later, or resets the
 * connection.
 */
class HttpClientRetryIntegrationTests {

	private static final ScriptedServer downstream = new ScriptedServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutboundHttpAutoConfiguration.class, HttpClientAutoConfiguration.class,
				RestClientAutoConfiguration.class))
		.withPropertyValues("hardened.http.client.retry.interval=50ms");

	@AfterAll
	static void stop() {
		downstream.close();
	}

	@Test
	void aPostAnswered503IsNotRepeated() {
		// HttpClient's default strategy sends it again after a second: an order placed twice.
		downstream.script("/orders", Step.status(503), Step.ok("created"));
		withClient((client) -> assertThatExceptionOfType(HttpServerErrorException.ServiceUnavailable.class)
			.isThrownBy(() -> client.post().uri(downstream.url("/orders")).retrieve().body(String.class)));
		assertThat(downstream.requests("POST", "/orders")).isEqualTo(1);
	}

	@Test
	void aGetAnswered503IsRepeatedOnce() {
		downstream.script("/prices", Step.status(503), Step.ok("prices"));
		withClient((client) -> assertThat(client.get().uri(downstream.url("/prices")).retrieve().body(String.class))
			.isEqualTo("prices"));
		assertThat(downstream.requests("GET", "/prices")).isEqualTo(2);
	}

	@Test
	void aGetWhoseConnectionIsResetIsRepeatedOnce() {
		downstream.script("/flaky", Step.reset(), Step.ok("second try"));
		withClient((client) -> assertThat(client.get().uri(downstream.url("/flaky")).retrieve().body(String.class))
			.isEqualTo("second try"));
		assertThat(downstream.requests("GET", "/flaky")).isEqualTo(2);
	}

	@Test
	void aGetIsRepeatedOnceOnly() {
		downstream.script("/broken", Step.reset());
		withClient((client) -> assertThatExceptionOfType(ResourceAccessException.class)
			.isThrownBy(() -> client.get().uri(downstream.url("/broken")).retrieve().body(String.class)));
		assertThat(downstream.requests("GET", "/broken")).isEqualTo(2);
	}

	@Test
	void aPostWhoseConnectionIsResetIsNotRepeated() {
		downstream.script("/payments", Step.reset(), Step.ok("paid"));
		withClient((client) -> assertThatExceptionOfType(ResourceAccessException.class)
			.isThrownBy(() -> client.post().uri(downstream.url("/payments")).retrieve().body(String.class)));
		assertThat(downstream.requests("POST", "/payments")).isEqualTo(1);
	}

	@Test
	void aRetryAfterLongerThanTheDeadlineReturnsThe503AtOnce() {
		downstream.script("/busy", Step.status(503).retryAfter("5"), Step.ok("too late"));
		withClient((client) -> {
			long took = timed(() -> inRequest(Duration.ofMillis(500),
					() -> assertThatExceptionOfType(HttpServerErrorException.ServiceUnavailable.class)
						.isThrownBy(() -> client.get().uri(downstream.url("/busy")).retrieve().body(String.class))));
			assertThat(took).isLessThan(1_000);
		});
		assertThat(downstream.requests("GET", "/busy")).isEqualTo(1);
	}

	@Test
	void aRetryAfterWithinTheLongestWaitButPastTheDeadlineReturnsThe503AtOnce() {
		// HttpClient's default strategy sleeps the 3 s here, a second past the caller's deadline.
		downstream.script("/later", Step.status(503).retryAfter("3"), Step.ok("too late"));
		this.runner.withPropertyValues("hardened.http.client.retry.max-wait=10s").run((context) -> {
			RestClient client = client(context.getBean(RestClient.Builder.class));
			long took = timed(() -> inRequest(Duration.ofSeconds(2),
					() -> assertThatExceptionOfType(HttpServerErrorException.ServiceUnavailable.class)
						.isThrownBy(() -> client.get().uri(downstream.url("/later")).retrieve().body(String.class))));
			assertThat(took).isLessThan(1_000);
		});
		assertThat(downstream.requests("GET", "/later")).isEqualTo(1);
	}

	@Test
	void aRetryAfterLongerThanTheLongestWaitReturnsThe503AtOnce() {
		downstream.script("/maintenance", Step.status(503).retryAfter("5"), Step.ok("back"));
		withClient((client) -> {
			long took = timed(() -> assertThatExceptionOfType(HttpServerErrorException.ServiceUnavailable.class)
				.isThrownBy(() -> client.get().uri(downstream.url("/maintenance")).retrieve().body(String.class)));
			assertThat(took).isLessThan(1_000);
		});
		assertThat(downstream.requests("GET", "/maintenance")).isEqualTo(1);
	}

	@Test
	void aRetryAfterThatFitsIsHonoured() {
		downstream.script("/soon", Step.status(503).retryAfter("1"), Step.ok("back"));
		withClient((client) -> {
			long took = timed(() -> inRequest(Duration.ofSeconds(5),
					() -> assertThat(client.get().uri(downstream.url("/soon")).retrieve().body(String.class))
						.isEqualTo("back")));
			assertThat(took).isGreaterThanOrEqualTo(1_000);
		});
		assertThat(downstream.requests("GET", "/soon")).isEqualTo(2);
	}

	@Test
	void aGetIsNotRepeatedWhenTheWaitWouldOutlastTheDeadline() {
		downstream.script("/slow-then-busy", Step.status(503).after(Duration.ofMillis(300)), Step.ok("late"));
		this.runner.withPropertyValues("hardened.http.client.retry.interval=200ms").run((context) -> {
			RestClient client = client(context.getBean(RestClient.Builder.class));
			inRequest(Duration.ofMillis(400), () -> assertThatExceptionOfType(
					HttpServerErrorException.ServiceUnavailable.class)
				.isThrownBy(() -> client.get().uri(downstream.url("/slow-then-busy")).retrieve().body(String.class)));
		});
		assertThat(downstream.requests("GET", "/slow-then-busy")).isEqualTo(1);
	}

	@Test
	void noRetriesWhenSwitchedOff() {
		downstream.script("/once", Step.status(503), Step.ok("again"));
		this.runner.withPropertyValues("hardened.http.client.retry.max-retries=0")
			.run((context) -> assertThatExceptionOfType(HttpServerErrorException.ServiceUnavailable.class)
				.isThrownBy(() -> client(context.getBean(RestClient.Builder.class)).get()
					.uri(downstream.url("/once"))
					.retrieve()
					.body(String.class)));
		assertThat(downstream.requests("GET", "/once")).isEqualTo(1);
	}

	private void withClient(Consumer<RestClient> calls) {
		this.runner.run((context) -> calls.accept(client(context.getBean(RestClient.Builder.class))));
	}

	private static RestClient client(RestClient.Builder builder) {
		return builder.build();
	}

	private static void inRequest(Duration timeout, Runnable call) {
		try (RequestContext.Scope scope = RequestContext
			.bind(RequestContext.of("retry-test").withDeadline(Deadline.after(timeout)))) {
			call.run();
		}
	}

	private static long timed(Runnable action) {
		long start = System.nanoTime();
		action.run();
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

}
