package dev.hardenedboot.core.config.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A {@link ReloadTestApplication} per test, reading a temporary mounted directory.
 */
abstract class ReloadingApplicationTests {

	@TempDir
	Path mount;

	ConfigurableApplicationContext context;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

	void start(List<String> fixed, String... args) {
		List<String> arguments = new ArrayList<>(
				List.of("--hardened.config.mount-dir=" + this.mount, "--spring.main.banner-mode=off"));
		arguments.addAll(fixed);
		arguments.addAll(List.of(args));
		this.context = new SpringApplicationBuilder(ReloadTestApplication.class).web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new));
	}

	void write(String name, String content) throws Exception {
		Files.writeString(this.mount.resolve(name), content);
	}

	ReloadTestApplication.OrderSettings settings() {
		return this.context.getBean(ReloadTestApplication.OrderSettings.class);
	}

}
