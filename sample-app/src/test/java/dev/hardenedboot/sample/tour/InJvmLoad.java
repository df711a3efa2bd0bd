package dev.hardenedboot.sample.tour;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@code wrk} does in the walkthrough, inside the JVM and bounded: a few clients that
 * call one URL again and again until stopped, or for at most a minute. A client whose request
 * is refused waits a little before the next one, so the refusals do not become the load.
 */
final class InJvmLoad implements AutoCloseable {

	private static final Duration MAX_DURATION = Duration.ofMinutes(1);

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicInteger answered = new AtomicInteger();

	private final List<Thread> clients = new ArrayList<>();

	InJvmLoad(URI uri, int clients) {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		long end = System.nanoTime() + MAX_DURATION.toNanos();
		for (int i = 0; i < clients; i++) {
			Thread client = new Thread(() -> {
				while (this.running.get() && System.nanoTime() < end) {
					try {
						HttpResponse<Void> response = http.send(
								HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
								HttpResponse.BodyHandlers.discarding());
						this.answered.incrementAndGet();
						if (response.statusCode() != 200) {
							Thread.sleep(100);
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
					catch (Exception ex) {
						// The next request tells.
					}
				}
			}, "tour-load-" + i);
			client.setDaemon(true);
			this.clients.add(client);
			client.start();
		}
	}

	int answered() {
		return this.answered.get();
	}

	@Override
	public void close() throws InterruptedException {
		this.running.set(false);
		for (Thread client : this.clients) {
			client.join(Duration.ofSeconds(35).toMillis());
		}
	}

}
