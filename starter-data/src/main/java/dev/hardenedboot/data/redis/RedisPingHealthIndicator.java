package dev.hardenedboot.data.redis;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisConnectionUtils;

/**
 * The {@code redis} readiness check: {@code PING}, answered {@code PONG}. Boot's own check
 * sends {@code INFO}, a larger answer than readiness needs. Bounded by the command timeout,
 * and by starter-observability's per-indicator time limit.
 */
class RedisPingHealthIndicator extends AbstractHealthIndicator {

	private final RedisConnectionFactory connectionFactory;

	RedisPingHealthIndicator(RedisConnectionFactory connectionFactory) {
		super("Redis PING failed");
		this.connectionFactory = connectionFactory;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		RedisConnection connection = RedisConnectionUtils.getConnection(this.connectionFactory);
		try {
			String pong = connection.ping();
			(("PONG".equalsIgnoreCase(pong)) ? builder.up() : builder.down()).withDetail("ping", String.valueOf(pong));
		}
		finally {
			RedisConnectionUtils.releaseConnection(connection, this.connectionFactory);
		}
	}

}
