package dev.hardenedboot.observability.logging.sampling;

import ch.qos.logback.classic.LoggerContext;
import dev.hardenedboot.observability.logging.LoggingProperties;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LogSamplingAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LogSamplingAutoConfiguration.class));

	private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();

	@Test
	void onByDefaultInFrontOfEveryLoggerUntilTheContextCloses() {
		LogSampler[] sampler = new LogSampler[1];
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(LogSampler.class);
			sampler[0] = context.getBean(LogSampler.class);
			assertThat(this.logback.getTurboFilterList()).contains(sampler[0]);
		});
		assertThat(this.logback.getTurboFilterList()).doesNotContain(sampler[0]);
	}

	@Test
	void ratesComeFromProperties() {
		this.runner.withPropertyValues("hardened.logging.sampling.info.com.example=5").run((context) -> {
			LoggingProperties.Sampling sampling = context.getBean(LoggingProperties.class).getSampling();
			assertThat(sampling.getInfo()).containsEntry("com.example", 5).containsEntry("root", 1000);
		});
	}

	@Test
	void negativeRateBelowMinusOneFailsStartUp() {
		this.runner.withPropertyValues("hardened.logging.sampling.info.root=-5")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void offBySamplingSwitch() {
		this.runner.withPropertyValues("hardened.logging.sampling.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LogSampler.class));
	}

	@Test
	void offByLoggingSwitch() {
		this.runner.withPropertyValues("hardened.logging.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LogSampler.class));
	}

	@Test
	void backsOffToAUserSampler() {
		this.runner.withUserConfiguration(UserSampler.class).run((context) -> {
			assertThat(context).hasSingleBean(LogSampler.class);
			assertThat(context).getBean(LogSampler.class).isSameAs(context.getBean("mySampler"));
		});
	}

	@Test
	void absentWithoutLogback() {
		this.runner.withClassLoader(new FilteredClassLoader(LoggerContext.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LogSampler.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserSampler {

		@Bean
		LogSampler mySampler() {
			return new LogSampler((LoggerContext) LoggerFactory.getILoggerFactory(),
					new LoggingProperties.Sampling());
		}

	}

}
