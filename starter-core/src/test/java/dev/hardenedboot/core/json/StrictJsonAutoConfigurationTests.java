package dev.hardenedboot.core.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

class StrictJsonAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(StrictJsonAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void onByDefaultAndTheSharedMapperStaysLenient() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(StrictJsonProperties.class).hasBean("strictJsonWebMvcConfigurer");
			ObjectMapper shared = context.getBean(ObjectMapper.class);
			assertThat(shared.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)).isFalse();
			ObjectMapper strict = StrictJsonMapperFactory.strictCopyOf(shared, context.getBean(StrictJsonProperties.class));
			assertThat(strict.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)).isTrue();
			assertThat(strict.isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)).isTrue();
			assertThat(strict.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
			assertThat(strict.getFactory().streamReadConstraints().getMaxNestingDepth()).isEqualTo(64);
		});
	}

	@Test
	void eachSettingCanBeChanged() {
		this.runner
			.withPropertyValues("hardened.json.reject-unknown-properties=true", "hardened.json.reject-trailing-tokens=false",
					"hardened.json.max-nesting-depth=8")
			.run((context) -> {
				ObjectMapper strict = StrictJsonMapperFactory.strictCopyOf(context.getBean(ObjectMapper.class),
						context.getBean(StrictJsonProperties.class));
				assertThat(strict.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
				assertThat(strict.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)).isFalse();
				assertThat(strict.getFactory().streamReadConstraints().getMaxNestingDepth()).isEqualTo(8);
			});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.json.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("strictJsonWebMvcConfigurer"));
	}

	@Test
	void absentWithoutJackson() {
		this.runner.withClassLoader(new FilteredClassLoader(ObjectMapper.class))
			.run((context) -> assertThat(context).doesNotHaveBean(StrictJsonProperties.class)
				.doesNotHaveBean(WebMvcConfigurer.class));
	}

}
