package dev.hardenedboot.resilience.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP dependency on a random local port. Each path answers as told (status, body,
 * headers, delay) and counts the calls that reached it, with the request headers they carried.
 */
public final class Downstream implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

	/** The hit count when a path's answers were last set. */
	private final Map<String, Integer> answeredFrom = new ConcurrentHashMap<>();

	private final Map<String, List<Map<String, List<String>>>> requestHeaders = new ConcurrentHashMap<>();

	public Downstream() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/**
	 * Sets how {@code path} answers from now on.
	 * @param path the path
	 * @param answer the answer
	 * @return this downstream
	 */
	public Downstream answer(String path, Answer answer) {
		return answer(path, List.of(answer));
	}

	/**
	 * Sets how {@code path} answers from now on: the n-th call from now gets the n-th answer,
	 * the last one repeats.
	 * @param path the path
	 * @param sequence the answers
	 * @return this downstream
	 */
	public Downstream answer(String path, List<Answer> sequence) {
		this.answers.put(path, sequence);
		this.hits.computeIfAbsent(path, (key) -> new AtomicInteger());
		this.answeredFrom.put(path, this.hits.get(path).get());
		return this;
	}

	public int hits(String path) {
		AtomicInteger count = this.hits.get(path);
		return (count != null) ? count.get() : 0;
	}

	public List<Map<String, List<String>>> requestHeaders(String path) {
		return this.requestHeaders.getOrDefault(path, List.of());
	}

	public String url(String path) {
		return url("127.0.0.1", path);
	}

	public String url(String host, String path) {
		return "http://" + host + ":" + this.server.getAddress().getPort() + path;
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		int hit = this.hits.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
		this.requestHeaders.computeIfAbsent(path, (key) -> new CopyOnWriteArrayList<>())
			.add(Map.copyOf(exchange.getRequestHeaders()));
		List<Answer> sequence = this.answers.getOrDefault(path, List.of(Answer.status(404)));
		int index = hit - 1 - this.answeredFrom.getOrDefault(path, 0);
		Answer answer = sequence.get(Math.min(Math.max(0, index), sequence.size() - 1));
		try (exchange) {
			if (!answer.delay().isZero()) {
				Thread.sleep(answer.delay().toMillis());
			}
			answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
			byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(answer.status(), (body.length > 0) ? body.length : -1);
			if (body.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * What a path answers.
	 * @param status the status
	 * @param body the body, empty for none
	 * @param headers response headers
	 * @param delay how long to wait before answering
	 */
	public record Answer(int status, String body, Map<String, String> headers, Duration delay) {

		public static Answer status(int status) {
			return new Answer(status, "", Map.of(), Duration.ZERO);
		}

		public static Answer ok(String body) {
			return new Answer(200, body, Map.of("Content-Type", "text/plain"), Duration.ZERO);
		}

		public Answer withHeader(String name, String value) {
			Map<String, String> headers = new LinkedHashMap<>(this.headers);
			headers.put(name, value);
			return new Answer(this.status, this.body, Map.copyOf(headers), this.delay);
		}

		public Answer after(Duration delay) {
			return new Answer(this.status, this.body, this.headers, delay);
		}

	}

}
