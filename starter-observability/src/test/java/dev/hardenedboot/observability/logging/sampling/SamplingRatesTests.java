package dev.hardenedboot.observability.logging.sampling;

import ch.qos.logback.classic.Level;
import dev.hardenedboot.observability.logging.LoggingProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SamplingRatesTests {

	@Test
	void longestMatchingNameWinsThenRoot() {
		LoggingProperties.Sampling sampling = new LoggingProperties.Sampling();
		sampling.getInfo().put("com.example", 50);
		sampling.getInfo().put("com.example.chatty", 5);
		SamplingRates rates = new SamplingRates(sampling);
		assertThat(rates.perSecond("com.example.chatty.Poller", Level.INFO)).isEqualTo(5);
		assertThat(rates.perSecond("com.example.Orders", Level.INFO)).isEqualTo(50);
		assertThat(rates.perSecond("com.examples.Other", Level.INFO)).isEqualTo(1000);
		assertThat(rates.perSecond("com.example.Orders", Level.DEBUG)).isEqualTo(1000);
	}

	@Test
	void withoutRootThereIsNoLimit() {
		LoggingProperties.Sampling sampling = new LoggingProperties.Sampling();
		sampling.getTrace().clear();
		assertThat(new SamplingRates(sampling).perSecond("any", Level.TRACE)).isEqualTo(SamplingRates.UNLIMITED);
		assertThat(new SamplingRates(sampling).perSecond("any", Level.WARN)).isEqualTo(SamplingRates.UNLIMITED);
	}

	@Test
	void switchedOffMeansNoLimit() {
		LoggingProperties.Sampling sampling = new LoggingProperties.Sampling();
		sampling.setEnabled(false);
		assertThat(new SamplingRates(sampling).perSecond("any", Level.INFO)).isEqualTo(SamplingRates.UNLIMITED);
	}

}
