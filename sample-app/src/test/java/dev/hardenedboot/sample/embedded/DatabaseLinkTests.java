package dev.hardenedboot.sample.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The link relays bytes both ways; cut, it accepts and holds them; restored, it delivers what
 * it held.
 */
class DatabaseLinkTests {

	@Test
	void relaysHoldsWhileCutAndDeliversWhenRestored() throws Exception {
		try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
				DatabaseLink link = new DatabaseLink(echo.getLocalPort())) {
			Thread server = new Thread(() -> echo(echo));
			server.setDaemon(true);
			server.start();
			try (Socket client = new Socket(InetAddress.getLoopbackAddress(), link.getPort())) {
				client.setSoTimeout(500);
				OutputStream out = client.getOutputStream();
				InputStream in = client.getInputStream();
				out.write('a');
				assertThat(in.read()).isEqualTo('a');

				link.setCut(true);
				assertThat(link.isCut()).isTrue();
				out.write('b');
				assertThatExceptionOfType(SocketTimeoutException.class).as("nothing comes back while cut")
					.isThrownBy(in::read);

				link.setCut(false);
				client.setSoTimeout(5_000);
				assertThat(in.read()).isEqualTo('b');
			}
		}
	}

	@Test
	void acceptsNewConnectionsWhileCut() throws Exception {
		try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
				DatabaseLink link = new DatabaseLink(echo.getLocalPort())) {
			link.setCut(true);
			try (Socket client = new Socket(InetAddress.getLoopbackAddress(), link.getPort())) {
				assertThat(client.isConnected()).as("a black hole, not a refusal").isTrue();
			}
		}
	}

	private static void echo(ServerSocket echo) {
		try (Socket socket = echo.accept()) {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			int b;
			while ((b = in.read()) != -1) {
				out.write(b);
				out.flush();
			}
		}
		catch (IOException ex) {
			// The test is over.
		}
	}

}
