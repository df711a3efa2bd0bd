package dev.hardenedboot.observability.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A "database" that accepts connections and never answers: the hung dependency every
 * health check must survive. Counts the connections it accepted.
 */
final class BlackHole implements AutoCloseable {

	private final ServerSocket server;

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	BlackHole() {
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(() -> {
			while (!this.server.isClosed()) {
				try {
					this.accepted.add(this.server.accept());
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "black-hole");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	int connections() {
		return this.accepted.size();
	}

	/**
	 * Connects, sends a ping and waits for the answer without a timeout, as
	 * {@code Connection.isValid(0)} does.
	 */
	void ping() {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
			socket.getOutputStream().write("PING\r\n".getBytes());
			socket.getInputStream().read();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.accepted) {
			socket.close();
		}
	}

}
