package dev.hardenedboot.core.config.reload;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.hardenedboot.core.config.ConfigReloadedEvent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.validation.annotation.Validated;

/**
 * A non-web application with a mutable and a constructor-bound properties class of its own.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties({ ReloadTestApplication.OrderSettings.class, ReloadTestApplication.Pinned.class })
class ReloadTestApplication {

	@Bean
	ReloadEvents reloadEvents() {
		return new ReloadEvents();
	}

	static class ReloadEvents {

		final List<ConfigReloadedEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ConfigReloadedEvent event) {
			this.events.add(event);
		}

	}

	@ConfigurationProperties("orders")
	@Validated
	static class OrderSettings {

		@NotBlank
		private String greeting = "hello";

		@Max(100)
		private int batchSize = 10;

		private Duration timeout = Duration.ofSeconds(1);

		private final Nested nested = new Nested();

		public String getGreeting() {
			return this.greeting;
		}

		public void setGreeting(String greeting) {
			this.greeting = greeting;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Nested getNested() {
			return this.nested;
		}

		static class Nested {

			private final List<String> tags = new CopyOnWriteArrayList<>();

			private boolean flag;

			public List<String> getTags() {
				return this.tags;
			}

			public boolean isFlag() {
				return this.flag;
			}

			public void setFlag(boolean flag) {
				this.flag = flag;
			}

		}

	}

	@ConfigurationProperties("pinned")
	record Pinned(String mode) {

	}

}
