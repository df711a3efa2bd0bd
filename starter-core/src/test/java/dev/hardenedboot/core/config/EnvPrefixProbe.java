package dev.hardenedboot.core.config;

import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Run in a child JVM by {@link PrefixedEnvironmentTests}, with the environment variables a
 * test chose: prints the {@code db.timeout} that binding resolves.
 */
@Configuration(proxyBeanMethods = false)
public class EnvPrefixProbe {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(EnvPrefixProbe.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		try (ConfigurableApplicationContext context = application.run(args)) {
			Duration timeout = Binder.get(context.getEnvironment())
				.bind("db.timeout", Duration.class)
				.orElse(Duration.ofSeconds(30));
			System.out.println("db.timeout=" + timeout.toSeconds() + "s");
			System.out.println("feature.flag=" + context.getEnvironment().getProperty("feature.flag"));
		}
	}

}
