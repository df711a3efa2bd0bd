package dev.hardenedboot.benchmarks.runner.overload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Switches the dependency stub's latency.
 */
final class StubControl {

	private final HttpClient http = HttpClient.newHttpClient();

	private final URI base;

	StubControl(URI base) {
		this.base = base;
	}

	void latency(Duration latency) throws IOException {
		URI uri = this.base.resolve("/admin/latency?ms=" + latency.toMillis());
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(5))
			.PUT(HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status != 200) {
				throw new IOException("the stub answered " + status + " to " + uri);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

}
