package dev.hardenedboot.core.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP/1.1 downstream on raw sockets, so that it can also do what no HTTP server
 * library does on purpose: read a request and reset the connection. Each path plays its
 * script, one step per request; the last step repeats. Every connection is closed after its
 * answer.
 */
final class ScriptedServer implements AutoCloseable {

	private final ServerSocket socket;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, List<Step>> scripts = new ConcurrentHashMap<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	ScriptedServer() {
		try {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.executor.execute(this::accept);
	}

	ScriptedServer script(String path, Step... steps) {
		this.scripts.put(path, List.of(steps));
		return this;
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.socket.getLocalPort() + path;
	}

	/** The requests that reached a path, as "METHOD path". */
	long requests(String method, String path) {
		return this.requests.stream().filter((request) -> request.equals(method + " " + path)).count();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				Socket connection = this.socket.accept();
				this.executor.execute(() -> serve(connection));
			}
			catch (IOException ex) {
				// Closed.
			}
		}
	}

	private void serve(Socket connection) {
		try (connection) {
			InputStream in = connection.getInputStream();
			String head = readHead(in);
			String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
			in.readNBytes(contentLength(head));
			String path = requestLine[1];
			long seen = requests(requestLine[0], path);
			this.requests.add(requestLine[0] + " " + path);
			List<Step> script = this.scripts.getOrDefault(path, List.of(Step.status(404)));
			Step step = script.get((int) Math.min(seen, script.size() - 1));
			if (!step.delay().isZero()) {
				Thread.sleep(step.delay().toMillis());
			}
			if (step.status() < 0) {
				// RST instead of FIN: the client reads "Connection reset".
				connection.setSoLinger(true, 0);
				return;
			}
			StringBuilder response = new StringBuilder("HTTP/1.1 " + step.status() + " Scripted\r\n");
			step.headers().forEach((name, value) -> response.append(name).append(": ").append(value).append("\r\n"));
			byte[] body = step.body().getBytes(StandardCharsets.UTF_8);
			response.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
			OutputStream out = connection.getOutputStream();
			out.write(response.toString().getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
		}
		catch (IOException ex) {
			// The client went away.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < end.length) {
			int next = in.read();
			if (next < 0) {
				throw new IOException("Connection closed before the end of the request head");
			}
			head.write(next);
			matched = (next == end[matched]) ? matched + 1 : ((next == '\r') ? 1 : 0);
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

	private static int contentLength(String head) {
		for (String line : head.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
			}
		}
		return 0;
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
		this.executor.shutdownNow();
	}

	/**
	 * One answer of a script.
	 * @param status the status, or -1 to reset the connection instead of answering
	 * @param headers response headers
	 * @param body the body
	 * @param delay how long to wait before answering
	 */
	record Step(int status, Map<String, String> headers, String body, Duration delay) {

		static Step status(int status) {
			return new Step(status, Map.of(), "", Duration.ZERO);
		}

		static Step ok(String body) {
			return new Step(200, Map.of("Content-Type", "text/plain"), body, Duration.ZERO);
		}

		static Step reset() {
			return new Step(-1, Map.of(), "", Duration.ZERO);
		}

		Step retryAfter(String value) {
			return new Step(this.status, Map.of("Retry-After", value), this.body, this.delay);
		}

		Step after(Duration delay) {
			return new Step(this.status, this.headers, this.body, delay);
		}

	}

}
