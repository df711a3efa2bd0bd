package dev.hardenedboot.core.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * A UTC {@link Clock} bean. Code that takes the time from an injected clock, rather than
 * {@code Instant.now()} or {@code LocalDateTime.now()}, does not depend on the host's time
 * zone and can be tested with {@code Clock.fixed(...)}.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "hardened.clock", name = "enabled", matchIfMissing = true)
public class ClockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
