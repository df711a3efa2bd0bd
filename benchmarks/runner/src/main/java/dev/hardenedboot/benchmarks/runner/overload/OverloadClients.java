package dev.hardenedboot.benchmarks.runner.overload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop clients: each sends a request, waits for the answer or its timeout, then waits
 * out the rest of its pace before the next one. Clients start spread over one pace, so
 * requests do not arrive in waves.
 * <p>
 * A client that times out gives up like a real caller would (JDK's HttpClient closes the
 * connection); the service may go on working on the request.
 */
final class OverloadClients {

	private static final Pattern PROBLEM_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Za-z0-9_.-]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final URI uri;

	private final Duration pace;

	private final Duration timeout;

	private final List<Client> clients = new ArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	private long originNanos;

	OverloadClients(URI uri, int clients, Duration pace, Duration timeout) {
		this.uri = uri;
		this.pace = pace;
		this.timeout = timeout;
		for (int i = 0; i < clients; i++) {
			this.clients.add(new Client());
		}
	}

	/**
	 * Starts every client.
	 * @param originNanos the scenario's time zero ({@link System#nanoTime()})
	 */
	void start(long originNanos) {
		this.originNanos = originNanos;
		this.running = true;
		int i = 0;
		for (Client client : this.clients) {
			Thread thread = new Thread(client, "overload-client-" + i++);
			thread.setDaemon(true);
			this.threads.add(thread);
			thread.start();
		}
	}

	/**
	 * Stops sending, waits for requests in flight (at most the client timeout), and returns
	 * every exchange.
	 * @return the exchanges, in no particular order
	 */
	List<Exchange> stop() {
		this.running = false;
		for (Thread thread : this.threads) {
			try {
				thread.join(this.timeout.toMillis() + this.pace.toMillis() + 5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		List<Exchange> all = new ArrayList<>();
		for (Client client : this.clients) {
			synchronized (client) {
				all.addAll(client.exchanges);
			}
		}
		return all;
	}

	/**
	 * The {@code code} member of a problem+json body.
	 * @param body the body
	 * @return the code, or {@code null}
	 */
	static String problemCode(String body) {
		Matcher matcher = PROBLEM_CODE.matcher(body);
		return matcher.find() ? matcher.group(1) : null;
	}

	private final class Client implements Runnable {

		private final List<Exchange> exchanges = new ArrayList<>();

		@Override
		public void run() {
			sleepMillis(ThreadLocalRandom.current().nextLong(Math.max(1, pace.toMillis())));
			HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
			while (running) {
				long sent = System.nanoTime();
				Exchange exchange = send(request, sent);
				synchronized (this) {
					this.exchanges.add(exchange);
				}
				long rest = pace.toNanos() - (System.nanoTime() - sent);
				if (rest > 0) {
					sleepMillis(rest / 1_000_000);
				}
			}
		}

		private Exchange send(HttpRequest request, long sent) {
			long startMillis = (sent - originNanos) / 1_000_000;
			int status;
			boolean stale = false;
			String code = null;
			try {
				HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
				status = response.statusCode();
				stale = response.headers().firstValue("Warning").map((w) -> w.startsWith("110")).orElse(false);
				if (status >= 400) {
					code = problemCode(new String(response.body(), StandardCharsets.UTF_8));
				}
			}
			catch (HttpTimeoutException ex) {
				status = Exchange.TIMEOUT;
			}
			catch (IOException ex) {
				status = Exchange.IO_ERROR;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				status = Exchange.IO_ERROR;
			}
			return new Exchange(startMillis, (System.nanoTime() - sent) / 1000, status, stale, code);
		}

		private void sleepMillis(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
