package dev.hardenedboot.core.config.cipher;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigCipherAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigCipherAutoConfiguration.class));

	@Test
	void masksDecryptedValuesByDefault() {
		this.runner.run((context) -> {
			SanitizingFunction function = context.getBean(SanitizingFunction.class);
			MapPropertySource decrypted = new MapPropertySource(
					DecryptingEnvironmentPostProcessor.PROPERTY_SOURCE_NAME, Map.of("db.url", "secret-url"));
			assertThat(function.apply(new SanitizableData(decrypted, "db.url", "secret-url")).getValue())
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
		});
	}

	@Test
	void comesBesideTheApplicationsOwnSanitizingFunctions() {
		this.runner.withBean("mine", SanitizingFunction.class, () -> (data) -> data)
			.run((context) -> assertThat(context.getBeansOfType(SanitizingFunction.class)).hasSize(2)
				.containsKey("decryptedValuesSanitizingFunction"));
	}

	@Test
	void absentWithoutTheActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).doesNotHaveBean("decryptedValuesSanitizingFunction"));
	}

}
