package dev.hardenedboot.benchmarks.runner.overload;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The overload scenario's dependency, in a process of its own: {@code GET /quote} answers a
 * small JSON after the current latency; {@code PUT /admin/latency?ms=N} changes it.
 * <p>
 * One thread per request (a cached pool), so the stub itself never queues: the latency the
 * services see is the configured one, however many calls are in flight.
 */
public final class DependencyStub {

	private static final byte[] QUOTE = "{\"cents\":1234}".getBytes(StandardCharsets.UTF_8);

	private volatile long latencyMillis;

	private DependencyStub(long latencyMillis) {
		this.latencyMillis = latencyMillis;
	}

	/**
	 * Serves until killed.
	 * @param args {@code --port=N} and optionally {@code --latency-ms=N} (10 by default)
	 * @throws IOException if the port cannot be bound
	 */
	public static void main(String[] args) throws IOException {
		int port = 0;
		long latency = 10;
		for (String arg : args) {
			if (arg.startsWith("--port=")) {
				port = Integer.parseInt(arg.substring("--port=".length()));
			}
			else if (arg.startsWith("--latency-ms=")) {
				latency = Long.parseLong(arg.substring("--latency-ms=".length()));
			}
		}
		if (port <= 0) {
			throw new IllegalArgumentException("usage: stub --port=N [--latency-ms=N]");
		}
		start(port, latency);
		System.out.println("Dependency stub on port " + port + ", latency " + latency + " ms");
	}

	/**
	 * Starts serving on loopback.
	 * @param port the port
	 * @param latencyMillis the initial latency
	 * @return the server, to stop it
	 * @throws IOException if the port cannot be bound
	 */
	static HttpServer start(int port, long latencyMillis) throws IOException {
		DependencyStub stub = new DependencyStub(latencyMillis);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 2048);
		server.setExecutor(Executors.newCachedThreadPool());
		server.createContext("/quote", stub::quote);
		server.createContext("/admin/latency", stub::latency);
		server.start();
		return server;
	}

	private void quote(HttpExchange exchange) throws IOException {
		// Read once: a request that arrived during the slowdown stays slow after healing.
		long latency = this.latencyMillis;
		try {
			exchange.getRequestBody().readAllBytes();
			Thread.sleep(latency);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, QUOTE.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(QUOTE);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			exchange.close();
		}
	}

	private void latency(HttpExchange exchange) throws IOException {
		try {
			exchange.getRequestBody().readAllBytes();
			if ("PUT".equals(exchange.getRequestMethod())) {
				String ms = queryValue(exchange.getRequestURI(), "ms");
				if (ms == null) {
					exchange.sendResponseHeaders(400, -1);
					return;
				}
				this.latencyMillis = Long.parseLong(ms);
				System.out.println("Latency now " + this.latencyMillis + " ms");
			}
			byte[] body = Long.toString(this.latencyMillis).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		finally {
			exchange.close();
		}
	}

	private static String queryValue(URI uri, String name) {
		String query = uri.getQuery();
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			if (pair.startsWith(name + "=")) {
				return pair.substring(name.length() + 1);
			}
		}
		return null;
	}

}
