package dev.hardenedboot.sample.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network between the pool and the embedded PostgreSQL, as a TCP relay on the loopback
 * interface that can be cut. Cut, it still accepts connections but forwards no byte in
 * either direction, like a partition or a frozen server: nothing is refused, so every call
 * waits for its own time limit, the failure that hurts most. Restored, the held bytes flow
 * on, as TCP would retransmit them.
 */
public class DatabaseLink implements AutoCloseable {

	private final InetSocketAddress target;

	private final ServerSocket server;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final Object gate = new Object();

	private volatile boolean cut;

	private volatile boolean closed;

	DatabaseLink(int targetPort) throws IOException {
		this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		start("database-link-accept", this::accept);
	}

	/**
	 * @return the host the pool connects to, as a JDBC URL writes it
	 */
	public String getHost() {
		String address = this.server.getInetAddress().getHostAddress();
		return address.contains(":") ? "[" + address + "]" : address;
	}

	/**
	 * @return the port the pool connects to
	 */
	public int getPort() {
		return this.server.getLocalPort();
	}

	public boolean isCut() {
		return this.cut;
	}

	/**
	 * Cuts the link or restores it.
	 * @param cut whether bytes stop flowing
	 */
	public void setCut(boolean cut) {
		synchronized (this.gate) {
			this.cut = cut;
			this.gate.notifyAll();
		}
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket client = this.server.accept();
				Socket database = new Socket();
				database.connect(this.target, 5_000);
				this.sockets.add(client);
				this.sockets.add(database);
				start("database-link-up", () -> pump(client, database));
				start("database-link-down", () -> pump(database, client));
			}
			catch (IOException ex) {
				// Closed, or the database itself is gone: the pool sees a refused or closed
				// connection, which is what it would see without the link.
			}
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (from; to) {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			int read;
			while ((read = in.read(buffer)) != -1) {
				awaitRestored();
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// One side closed: the other is closed with it.
		}
		finally {
			this.sockets.remove(from);
			this.sockets.remove(to);
		}
	}

	private void awaitRestored() throws InterruptedException {
		synchronized (this.gate) {
			while (this.cut && !this.closed) {
				this.gate.wait();
			}
		}
	}

	private static void start(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		setCut(false);
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

}
