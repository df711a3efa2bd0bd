package dev.hardenedboot.data.pool;

import java.time.Duration;
import java.util.Map;

import org.springframework.lang.Nullable;

/**
 * What the database server says about how long it keeps an idle session and how many
 * sessions it accepts, as read on one connection.
 *
 * @param product the database product name
 * @param idleTimeouts the server's timeouts for an idle, pooled connection, by setting name
 * ({@code idle_session_timeout}, {@code wait_timeout}); only those that are enabled
 * @param idleInTransactionTimeout PostgreSQL's {@code idle_in_transaction_session_timeout},
 * which applies to borrowed connections only; {@code null} when disabled or not PostgreSQL
 * @param maxConnections the server's {@code max_connections}, {@code null} when unknown
 * @param reservedConnections slots of {@code max_connections} applications cannot use
 */
public record ServerLimits(String product, Map<String, Duration> idleTimeouts,
		@Nullable Duration idleInTransactionTimeout, @Nullable Integer maxConnections, int reservedConnections) {

	public ServerLimits {
		idleTimeouts = Map.copyOf(idleTimeouts);
	}

}
