package dev.hardenedboot.data.pool;

import java.net.URI;
import java.time.Duration;

import dev.hardenedboot.data.jdbc.JdbcListenersAutoConfiguration;
import dev.hardenedboot.data.support.TcpProxy;
import dev.hardenedboot.testsupport.JdbcService;
import dev.hardenedboot.testsupport.TestServices;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A database that stops answering holds a borrow no longer than the pool's connection timeout.
 * Hikari validates a connection idle for over 500 ms before lending it, for up to its
 * {@code validationTimeout}: 5 s of its own, past our 3 s connection timeout, so a request
 * would wait 5 s for a connection the pool was told to give up on after 3. The starter's
 * default of 1 s keeps the validation inside the connection timeout.
 */
class PoolValidationTimeoutIntegrationTests {

	@Test
	void aBorrowFromADatabaseThatStoppedAnsweringEndsWithinTheConnectionTimeout() throws Exception {
		JdbcService postgres = TestServices.postgres();
		URI server = URI.create(postgres.server().url().substring("jdbc:".length()));
		try (TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort());
				ConfigurableApplicationContext context = new SpringApplicationBuilder(PoolApplication.class)
					.web(WebApplicationType.NONE)
					.properties("spring.main.banner-mode=off", "spring.datasource.url=jdbc:postgresql://127.0.0.1:"
							+ proxy.port() + "/" + postgres.database() + "?" + server.getQuery())
					.run()) {
			assertThat(context.getEnvironment().getProperty("spring.datasource.hikari.validation-timeout"))
				.isEqualTo("1000");
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
			proxy.blackHole(true);
			// Past Hikari's alive-bypass window, so the next borrow validates the idle connection.
			Thread.sleep(700);
			long start = System.nanoTime();
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> jdbc.queryForObject("SELECT 1", Integer.class));
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			// About 3 s (the connection timeout); 5 s and more with Hikari's own validation timeout.
			assertThat(waited).isLessThan(Duration.ofMillis(4500));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JdbcListenersAutoConfiguration.class, DataPoolAutoConfiguration.class,
			DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class })
	static class PoolApplication {

	}

}
