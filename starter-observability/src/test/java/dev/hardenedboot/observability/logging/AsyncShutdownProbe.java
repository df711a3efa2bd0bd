package dev.hardenedboot.observability.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Run in a child JVM by {@link AsyncShutdownIntegrationTests}: starts with
 * {@code hardened.logging.async=true}, logs {@code args[1]} lines while nobody reads its
 * stdout, writes how many lines are still queued to the file {@code args[0]}, and exits, so
 * only Boot's graceful shutdown can write the rest.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class AsyncShutdownProbe {

	public static void main(String[] args) throws IOException {
		new SpringApplicationBuilder(AsyncShutdownProbe.class).web(WebApplicationType.NONE)
			.properties("hardened.logging.async=true", "spring.application.name=probe",
					"hardened.logging.sampling.info.probe=-1")
			.run();
		Logger logger = LoggerFactory.getLogger("probe");
		int lines = Integer.parseInt(args[1]);
		for (int i = 0; i < lines; i++) {
			logger.info("line {}", i);
		}
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		DrainingAsyncAppender queue = (DrainingAsyncAppender) context.getLogger(Logger.ROOT_LOGGER_NAME)
			.getAppender("HARDENED_ASYNC_JSON_CONSOLE");
		Files.writeString(Path.of(args[0]), Integer.toString(queue.getNumberOfElementsInQueue()));
		System.exit(0);
	}

}
