package dev.hardenedboot.benchmarks.runner.overload;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import dev.hardenedboot.benchmarks.runner.process.FreePort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clients and the dependency stub over real sockets.
 */
class OverloadClientsTests {

	private HttpServer stub;

	private URI base;

	@BeforeEach
	void startStub() throws IOException {
		int port = FreePort.next();
		this.stub = DependencyStub.start(port, 0);
		this.base = URI.create("http://127.0.0.1:" + port);
	}

	@AfterEach
	void stopStub() {
		this.stub.stop(0);
	}

	@Test
	void clientsKeepTheirPace() throws InterruptedException {
		OverloadClients clients = new OverloadClients(this.base.resolve("/quote"), 2, Duration.ofMillis(100),
				Duration.ofSeconds(1));
		clients.start(System.nanoTime());
		Thread.sleep(1000);
		List<Exchange> exchanges = clients.stop();
		// Two clients, one request per 100 ms each, for about a second: about 20, with wide slack.
		assertThat(exchanges).hasSizeBetween(6, 30).allMatch(Exchange::ok).noneMatch(Exchange::stale);
	}

	@Test
	void aSlowDependencyMakesClientsGiveUp() throws IOException, InterruptedException {
		new StubControl(this.base).latency(Duration.ofMillis(1500));
		OverloadClients clients = new OverloadClients(this.base.resolve("/quote"), 2, Duration.ofMillis(100),
				Duration.ofMillis(200));
		clients.start(System.nanoTime());
		Thread.sleep(500);
		List<Exchange> exchanges = clients.stop();
		assertThat(exchanges).isNotEmpty().allMatch((e) -> e.status() == Exchange.TIMEOUT);
		assertThat(exchanges).allMatch((e) -> e.latencyMicros() >= 200_000 && e.admitted());
	}

	@Test
	void readsTheCodeOfAProblem() {
		assertThat(OverloadClients.problemCode("{\"type\":\"about:blank\",\"status\":503,\"code\": \"OVERLOADED\"}"))
			.isEqualTo("OVERLOADED");
		assertThat(OverloadClients.problemCode("<html>Service Unavailable</html>")).isNull();
		assertThat(new Exchange(0, 1, 503, false, "OVERLOADED").failureKind()).isEqualTo("503 OVERLOADED");
		assertThat(new Exchange(0, 1, 503, false, null).failureKind()).isEqualTo("503");
	}

	@Test
	void aRefusedConnectionIsNotAnAdmittedRequest() throws InterruptedException {
		OverloadClients clients = new OverloadClients(URI.create("http://127.0.0.1:" + FreePort.next() + "/quote"), 1,
				Duration.ofMillis(100), Duration.ofSeconds(1));
		clients.start(System.nanoTime());
		Thread.sleep(300);
		List<Exchange> exchanges = clients.stop();
		assertThat(exchanges).isNotEmpty().allMatch((e) -> e.status() == Exchange.IO_ERROR && !e.admitted());
	}

}
