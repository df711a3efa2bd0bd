package dev.hardenedboot.observability.logging.sampling;

import java.util.List;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import dev.hardenedboot.core.config.ConfigReloadedEvent;
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
	void reloadedRatesApplyWithoutARestart() {
		this.runner.withPropertyValues("hardened.logging.sampling.info.com.example.reload=-1").run((context) -> {
			LogSampler sampler = context.getBean(LogSampler.class);
			ch.qos.logback.classic.Logger logger = this.logback.getLogger("com.example.reload");
			logger.setLevel(Level.INFO);
			assertThat(sampler.decide(null, logger, Level.INFO, "line", null, null)).isEqualTo(FilterReply.NEUTRAL);
			// What a reload does: rebind the properties, then publish the event.
			context.getBean(LoggingProperties.class).getSampling().getInfo().put("com.example.reload", 0);
			context.publishEvent(new ConfigReloadedEvent(this,
					Set.of("hardened.logging.sampling.info.com.example.reload"), List.of()));
			assertThat(sampler.decide(null, logger, Level.INFO, "line", null, null)).isEqualTo(FilterReply.DENY);
			context.getBean(LoggingProperties.class).getSampling().getInfo().put("com.example.reload", -1);
			context.publishEvent(new ConfigReloadedEvent(this, Set.of("hardened.request.timeout"), List.of()));
			assertThat(sampler.decide(null, logger, Level.INFO, "line", null, null))
				.as("a reload that did not touch sampling leaves the rates alone")
				.isEqualTo(FilterReply.DENY);
			logger.setLevel(null);
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
