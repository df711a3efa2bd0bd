package dev.hardenedboot.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A Redis server for integration tests. The server is shared by every test in the JVM:
 * tests namespace their keys rather than flushing.
 */
public final class RedisService {

	private static final int TIMEOUT_MILLIS = 5_000;

	private final ServiceAddress address;

	private final URI uri;

	RedisService(ServiceAddress address) {
		this.address = address;
		this.uri = URI.create(address.url());
		if (this.uri.getHost() == null) {
			throw new IllegalStateException("'" + address + "' names no host; expected a URL such as "
					+ address.kind().exampleUrl());
		}
	}

	public String url() {
		return this.address.url();
	}

	public String host() {
		return this.uri.getHost();
	}

	public int port() {
		return (this.uri.getPort() != -1) ? this.uri.getPort() : 6379;
	}

	public ServiceAddress address() {
		return this.address;
	}

	/**
	 * Sends a {@code PING} over a plain socket (no client library needed) and returns the
	 * server's answer, {@code PONG} when it is healthy.
	 * @return the server's reply line without the RESP prefix
	 */
	public String ping() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host(), port()), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return readLine(socket.getInputStream()).substring(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Redis did not answer PING at " + this.address, ex);
		}
	}

	/**
	 * Points Spring Boot's {@code spring.data.redis.url} at this server.
	 * @param registry the registry of the test's dynamic properties
	 */
	public void applyTo(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", this::url);
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int next;
		while ((next = in.read()) != -1 && next != '\n') {
			if (next != '\r') {
				line.append((char) next);
			}
		}
		if (line.isEmpty()) {
			throw new IOException("connection closed without a reply");
		}
		return line.toString();
	}

}
