package dev.hardenedboot.core.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP downstream on a random loopback port: {@code GET /work?millis=N} answers
 * after N ms and remembers the headers of every call.
 */
public final class Downstream implements AutoCloseable {

	private final HttpServer server;

	private final List<Map<String, List<String>>> calls = new CopyOnWriteArrayList<>();

	public Downstream() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/work", (exchange) -> {
			this.calls.add(Map.copyOf(exchange.getRequestHeaders()));
			String query = exchange.getRequestURI().getQuery();
			long millis = Long.parseLong(query.substring(query.indexOf('=') + 1));
			try {
				Thread.sleep(millis);
				byte[] body = "worked".getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (IOException ex) {
				// The caller gave up and closed the connection.
			}
			finally {
				exchange.close();
			}
		});
		this.server.createContext("/lenient", (exchange) -> {
			// What a careless third party sends: a null for a primitive, then trailing garbage.
			byte[] body = "{\"customer\":\"third-party\",\"priority\":null,\"lines\":[]} trailing"
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public List<Map<String, List<String>>> calls() {
		return this.calls;
	}

	public String lastHeader(String name) {
		Map<String, List<String>> last = this.calls.get(this.calls.size() - 1);
		return last.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
			.map((entry) -> entry.getValue().get(0))
			.findFirst()
			.orElse(null);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
