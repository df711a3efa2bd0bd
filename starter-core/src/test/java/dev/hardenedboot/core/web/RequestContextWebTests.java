package dev.hardenedboot.core.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests against the request-context test application over a real socket: one
 * cached context, a client for its port, and a JSON reader for what it answers.
 */
@RequestContextWebTest
public abstract class RequestContextWebTests {

	protected final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	protected int port;

	protected HttpProbe http;

	@BeforeEach
	void connect() {
		this.http = new HttpProbe(this.port);
	}

}
