package dev.hardenedboot.sample.embedded;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class NoDataSourceUrlConditionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(EmbeddedOnly.class);

	@Test
	void matchesWithoutADataSourceUrl() {
		this.runner.run((context) -> assertThat(context).hasBean("embeddedMarker"));
	}

	@Test
	void backsOffWhenADataSourceUrlIsSet() {
		this.runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db:5432/orders")
			.run((context) -> assertThat(context).doesNotHaveBean("embeddedMarker"));
	}

	@Test
	void blankUrlCountsAsUnset() {
		this.runner.withPropertyValues("spring.datasource.url=")
			.run((context) -> assertThat(context).hasBean("embeddedMarker"));
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(NoDataSourceUrlCondition.class)
	static class EmbeddedOnly {

		@Bean
		String embeddedMarker() {
			return "embedded";
		}

	}

}
