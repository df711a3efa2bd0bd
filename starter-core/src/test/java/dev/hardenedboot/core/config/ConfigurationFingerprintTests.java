package dev.hardenedboot.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationFingerprintTests {

	private static final Map<String, Object> BASE = Map.of("hardened.request.timeout", "10s", "spring.datasource.url",
			"jdbc:postgresql://db/orders", "spring.datasource.password", "hunter2", "local.server.port", "43112");

	@Test
	void equalConfigurationGivesAnEqualFingerprint() {
		assertThat(fingerprint(BASE)).isEqualTo(fingerprint(new LinkedHashMap<>(BASE))).hasSize(16);
	}

	@Test
	void anyNonSecretChangeChangesIt() {
		assertThat(fingerprint(with("hardened.request.timeout", "11s"))).isNotEqualTo(fingerprint(BASE));
		assertThat(fingerprint(with("spring.datasource.url", "jdbc:postgresql://other/orders")))
			.isNotEqualTo(fingerprint(BASE));
		assertThat(fingerprint(with("feature.new-checkout", "true"))).isNotEqualTo(fingerprint(BASE));
	}

	@Test
	void secretsAndPerInstanceValuesDoNotCount() {
		String base = fingerprint(BASE);
		assertThat(fingerprint(with("spring.datasource.password", "other"))).isEqualTo(base);
		assertThat(fingerprint(with("app.api-key", "k1"))).isEqualTo(fingerprint(with("app.api-key", "k2")));
		assertThat(fingerprint(with("app.token", "t1"))).isEqualTo(fingerprint(with("app.token", "t2")));
		assertThat(fingerprint(with("app.db-password", "{cipher}AAAA"))).isEqualTo(fingerprint(with("app.db-password",
				"{cipher}BBBB")));
		assertThat(fingerprint(with("app.seed", "${random.uuid}"))).isEqualTo(base);
		assertThat(fingerprint(with("local.server.port", "51000"))).isEqualTo(base);
		assertThat(fingerprint(with("spring.application.pid", "4242"))).isEqualTo(base);
	}

	@Test
	void placeholdersCountWithTheirResolvedValue() {
		Map<String, Object> first = with("db.host", "a");
		first.put("db.url", "jdbc:postgresql://${db.host}/x");
		Map<String, Object> second = with("db.host", "b");
		second.put("db.url", "jdbc:postgresql://${db.host}/x");
		assertThat(fingerprint(first)).isNotEqualTo(fingerprint(second));
	}

	@Test
	void shownInInfoAndAsAGaugeTag() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ConfigFingerprintAutoConfiguration.class))
			.withPropertyValues("hardened.request.timeout=10s")
			.run((context) -> {
				Info.Builder builder = new Info.Builder();
				context.getBean(InfoContributor.class).contribute(builder);
				@SuppressWarnings("unchecked")
				Map<String, Object> config = (Map<String, Object>) builder.build().get("config");
				String fingerprint = (String) config.get("fingerprint");
				assertThat(fingerprint).hasSize(16);
				MeterRegistry registry = new SimpleMeterRegistry();
				context.getBean(MeterBinder.class).bindTo(registry);
				assertThat(registry.get("hardened.config.info").tag("fingerprint", fingerprint).gauge().value())
					.isEqualTo(1);
				context.getEnvironment()
					.getPropertySources()
					.addFirst(new MapPropertySource("reloaded", Map.of("hardened.request.timeout", "12s")));
				context.publishEvent(new ConfigReloadedEvent(this, Set.of("hardened.request.timeout"), List.of()));
				String reloaded = context.getBean(CurrentConfigurationFingerprint.class).get().value();
				assertThat(reloaded).isNotEqualTo(fingerprint);
				assertThat(registry.find("hardened.config.info").gauges()).singleElement()
					.satisfies((gauge) -> assertThat(gauge.getId().getTag("fingerprint")).isEqualTo(reloaded));
			});
	}

	@Test
	void offBySwitch() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ConfigFingerprintAutoConfiguration.class))
			.withPropertyValues("hardened.config.fingerprint.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InfoContributor.class)
				.doesNotHaveBean(MeterBinder.class));
	}

	private static Map<String, Object> with(String name, Object value) {
		Map<String, Object> properties = new LinkedHashMap<>(BASE);
		properties.put(name, value);
		return properties;
	}

	private static String fingerprint(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
		ConfigurationPropertySources.attach(environment);
		return ConfigurationFingerprint.of(environment).value();
	}

}
