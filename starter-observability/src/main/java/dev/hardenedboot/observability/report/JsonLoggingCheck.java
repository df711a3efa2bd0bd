package dev.hardenedboot.observability.report;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.pattern.PatternLayoutEncoderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import dev.hardenedboot.core.report.HardeningCheck;
import dev.hardenedboot.core.report.HardeningFinding;
import dev.hardenedboot.observability.logging.JsonLoggingEnvironmentPostProcessor;
import net.logstash.logback.encoder.CompositeJsonEncoder;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.lang.Nullable;

/**
 * Console logs are JSON outside the local profiles: a collector reading stdout turns plain
 * text into one unsearchable message per line, and a stack trace into one event per frame.
 * The check looks at the encoders of the console appenders Logback actually runs for the
 * root logger, and says where they come from: the starter's configuration, or what made the
 * starter leave logging to Boot or the application.
 */
class JsonLoggingCheck implements HardeningCheck {

	static final String ID = "logging.json";

	private static final String BOOT_STRUCTURED_ENCODER = "org.springframework.boot.logging.logback"
			+ ".StructuredLogEncoder";

	private final ConfigurableEnvironment environment;

	private final LoggerContext loggerContext;

	private final ClassLoader classLoader;

	JsonLoggingCheck(ConfigurableEnvironment environment, LoggerContext loggerContext, ClassLoader classLoader) {
		this.environment = environment;
		this.loggerContext = loggerContext;
		this.classLoader = classLoader;
	}

	@Override
	public List<HardeningFinding> check() {
		if (LocalProfiles.active(this.environment)) {
			return List.of(HardeningFinding.pass("observability", ID,
					"Profiles " + LocalProfiles.describe(this.environment)
							+ " are local: human-readable console logs are intended here."));
		}
		List<Encoder<?>> json = new ArrayList<>();
		List<Encoder<?>> plain = new ArrayList<>();
		List<Encoder<?>> unknown = new ArrayList<>();
		collect(this.loggerContext.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders(), json, plain, unknown);
		String source = source();
		if (!plain.isEmpty()) {
			return List.of(HardeningFinding.warn("observability", ID,
					"Console logs are plain text (" + names(plain) + ") outside the local profiles (active: "
							+ LocalProfiles.describe(this.environment) + "); " + source + ".",
					fix()));
		}
		if (!json.isEmpty()) {
			return List.of(HardeningFinding.pass("observability", ID,
					"Console logs are JSON (" + names(json) + "); " + source + "."));
		}
		if (!unknown.isEmpty()) {
			return List.of(HardeningFinding.pass("observability", ID, "The console is written by " + names(unknown)
					+ ", which the report does not know: it cannot tell whether that is JSON; " + source + "."));
		}
		return List.of(HardeningFinding.warn("observability", ID,
				"The root logger writes to no console appender: a collector reading stdout gets no logs; " + source
						+ ".",
				fix()));
	}

	private void collect(Iterator<Appender<ILoggingEvent>> appenders, List<Encoder<?>> json, List<Encoder<?>> plain,
			List<Encoder<?>> unknown) {
		while (appenders.hasNext()) {
			Appender<ILoggingEvent> appender = appenders.next();
			if (appender instanceof ConsoleAppender<ILoggingEvent> console && console.getEncoder() != null) {
				Encoder<?> encoder = console.getEncoder();
				if (isJson(encoder)) {
					json.add(encoder);
				}
				else if (encoder instanceof PatternLayoutEncoderBase<?>
						|| (encoder instanceof LayoutWrappingEncoder<?> wrapping
								&& wrapping.getLayout() instanceof PatternLayout)) {
					plain.add(encoder);
				}
				else {
					unknown.add(encoder);
				}
			}
			else if (appender instanceof AppenderAttachable<?> attachable) {
				// An asynchronous appender: what counts is where its events end up.
				@SuppressWarnings("unchecked")
				AppenderAttachable<ILoggingEvent> events = (AppenderAttachable<ILoggingEvent>) attachable;
				collect(events.iteratorForAppenders(), json, plain, unknown);
			}
		}
	}

	private static boolean isJson(Encoder<?> encoder) {
		// logstash-logback-encoder (the starter's JsonLineEncoder, LogstashEncoder), Logback's
		// own JSON encoder, and Boot's structured logging, whose formats are all JSON.
		return encoder instanceof CompositeJsonEncoder<?> || encoder instanceof JsonEncoder
				|| encoder.getClass().getName().equals(BOOT_STRUCTURED_ENCODER);
	}

	private String source() {
		String config = this.environment.getProperty("logging.config");
		if (JsonLoggingEnvironmentPostProcessor.CONFIG.equals(config)
				|| JsonLoggingEnvironmentPostProcessor.ASYNC_CONFIG.equals(config)) {
			return "the configuration is Hardened Boot's (" + config + ")";
		}
		String reason = stayedOut();
		if (reason != null) {
			return "Hardened Boot left the configuration to Boot because " + reason;
		}
		return "the configuration is logging.config=" + config;
	}

	@Nullable
	private String stayedOut() {
		return JsonLoggingEnvironmentPostProcessor.reasonToStayOut(this.environment, this.classLoader);
	}

	private String fix() {
		String reason = stayedOut();
		String stepAside = (reason != null) ? "remove what made Hardened Boot step aside (" + reason + "), " : "";
		return "Use JSON on the console: " + stepAside + "set logging.structured.format.console=logstash, or"
				+ " in your own Logback configuration include dev/hardenedboot/observability/logging/"
				+ "json-console-appender.xml and reference the HARDENED_JSON_CONSOLE appender.";
	}

	private static String names(List<Encoder<?>> encoders) {
		return String.join(", ",
				encoders.stream().map((encoder) -> encoder.getClass().getSimpleName()).distinct().toList());
	}

}
