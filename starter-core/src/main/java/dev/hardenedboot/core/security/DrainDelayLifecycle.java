package dev.hardenedboot.core.security;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * Closes Boot's gap between "readiness says refusing traffic" and "the connector stops"
 * (spring-boot #20995). When the context closes, Boot publishes the readiness change first;
 * this lifecycle, stopped before Boot's graceful shutdown of the web server, then keeps the
 * server answering for the drain delay, so load balancers that poll readiness take the
 * instance out before its connections start being refused. Only then does Boot stop the
 * connector and drain the requests in flight.
 */
class DrainDelayLifecycle implements SmartLifecycle {

	/** Stopped before the web server's graceful shutdown, which stops before the server. */
	static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 512;

	private static final Log logger = LogFactory.getLog(DrainDelayLifecycle.class);

	private final Duration delay;

	private volatile boolean running;

	DrainDelayLifecycle(Duration delay) {
		this.delay = delay;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.delay.isZero() || this.delay.isNegative()) {
			return;
		}
		logger.info("Readiness is refusing traffic; serving for another " + this.delay.toMillis()
				+ " ms while load balancers take this instance out");
		try {
			Thread.sleep(this.delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	Duration delay() {
		return this.delay;
	}

}
