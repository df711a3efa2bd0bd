package dev.hardenedboot.observability.logging;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.regex.PatternSyntaxException;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardenedboot.observability.logging.masking.SecretFieldMasker;
import dev.hardenedboot.observability.logging.masking.SecretValueMasker;
import net.logstash.logback.composite.GlobalCustomFieldsJsonProvider;
import net.logstash.logback.composite.JsonProviders;
import net.logstash.logback.composite.loggingevent.ArgumentsJsonProvider;
import net.logstash.logback.composite.loggingevent.KeyValuePairsJsonProvider;
import net.logstash.logback.composite.loggingevent.LogLevelJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggerNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventFormattedTimestampJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventThreadNameJsonProvider;
import net.logstash.logback.composite.loggingevent.MdcJsonProvider;
import net.logstash.logback.composite.loggingevent.MessageJsonProvider;
import net.logstash.logback.composite.loggingevent.StackTraceJsonProvider;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * One JSON object per line with the fields of the public contract: {@code @timestamp} (UTC,
 * milliseconds), {@code level}, {@code logger}, {@code thread}, {@code message},
 * {@code service}, {@code env}, {@code version}, every MDC key ({@code traceId} and
 * {@code spanId} as {@code trace_id} and {@code span_id}), key-value pairs and structured
 * arguments, and {@code stack_trace}, root cause first, framework frames folded and capped.
 * Secrets are masked, and no line is longer than {@code hardened.logging.max-line-size}.
 *
 * <p>Configured from {@code hardened.logging.*} when Logback starts it, so a
 * {@code logback-spring.xml} can use it with no settings of its own:
 * {@code <encoder class="dev.hardenedboot.observability.logging.JsonLineEncoder"/>}. An
 * encoder given {@code <providers>} of its own keeps them instead of the contract's fields, and
 * still gets masking and the line cap.
 */
public class JsonLineEncoder extends LoggingEventCompositeJsonEncoder {

	/**
	 * Frames folded into "... n frames excluded": the servlet container, Spring's dispatch,
	 * proxies and reflection, which say nothing about where the fault is.
	 */
	static final List<String> FOLDED_FRAMES = List.of("^org\\.springframework\\.", "^org\\.apache\\.catalina\\.",
			"^org\\.apache\\.coyote\\.", "^org\\.apache\\.tomcat\\.", "^jakarta\\.servlet\\.",
			"^io\\.micrometer\\.observation\\.", "^(java\\.base/)?jdk\\.internal\\.reflect\\.",
			"^(java\\.base/)?java\\.lang\\.reflect\\.", "\\$\\$SpringCGLIB\\$\\$");

	private LineSizeLimit lineSizeLimit = new LineSizeLimit(16 * 1024);

	@Override
	public void start() {
		LoggingProperties properties = BoundLoggingProperties.from(getContext());
		if (getProviders().getProviders().isEmpty()) {
			addProviders(getProviders(), properties, serviceFields(BoundLoggingProperties.environment(getContext())));
		}
		setLineSeparator("UNIX");
		if (properties.getMasking().isEnabled()) {
			try {
				setJsonGeneratorDecorator(masking(properties.getMasking()));
			}
			catch (PatternSyntaxException ex) {
				// Boot fails start-up on Logback errors and prints this message.
				addError("Invalid hardened.logging.masking.patterns: '" + ex.getPattern()
						+ "' is not a regular expression (" + ex.getDescription()
						+ "). Fix it, or remove it from the list.");
				return;
			}
		}
		this.lineSizeLimit = new LineSizeLimit(Math.toIntExact(properties.getMaxLineSize().toBytes()));
		super.start();
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		if (!isStarted()) {
			// Another thread logging while Logback is being reconfigured reaches an appender whose
			// encoder was already stopped. The parent throws, Logback records an error status, and
			// Boot then fails the new configuration; the line is lost either way.
			return new byte[0];
		}
		return this.lineSizeLimit.apply(super.encode(event));
	}

	private static void addProviders(JsonProviders<ILoggingEvent> providers, LoggingProperties properties,
			ObjectNode serviceFields) {
		LoggingEventFormattedTimestampJsonProvider timestamp = new LoggingEventFormattedTimestampJsonProvider();
		timestamp.setFieldName("@timestamp");
		timestamp.setPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
		timestamp.setTimeZone("UTC");
		providers.addProvider(timestamp);
		LogLevelJsonProvider level = new LogLevelJsonProvider();
		level.setFieldName("level");
		providers.addProvider(level);
		LoggerNameJsonProvider logger = new LoggerNameJsonProvider();
		logger.setFieldName("logger");
		providers.addProvider(logger);
		LoggingEventThreadNameJsonProvider thread = new LoggingEventThreadNameJsonProvider();
		thread.setFieldName("thread");
		providers.addProvider(thread);
		providers.addProvider(new MessageJsonProvider());
		GlobalCustomFieldsJsonProvider<ILoggingEvent> service = new GlobalCustomFieldsJsonProvider<>();
		service.setCustomFieldsNode(serviceFields);
		providers.addProvider(service);
		MdcJsonProvider mdc = new MdcJsonProvider();
		mdc.addMdcKeyFieldName("traceId=trace_id");
		mdc.addMdcKeyFieldName("spanId=span_id");
		providers.addProvider(mdc);
		providers.addProvider(new KeyValuePairsJsonProvider());
		providers.addProvider(new ArgumentsJsonProvider());
		StackTraceJsonProvider stackTrace = new StackTraceJsonProvider();
		stackTrace.setFieldName("stack_trace");
		stackTrace.setThrowableConverter(throwableConverter(properties));
		providers.addProvider(stackTrace);
	}

	private static ShortenedThrowableConverter throwableConverter(LoggingProperties properties) {
		ShortenedThrowableConverter converter = new ShortenedThrowableConverter();
		converter.setRootCauseFirst(true);
		converter.setMaxLength(Math.toIntExact(properties.getStackTraceMaxSize().toBytes()));
		converter.setExcludes(FOLDED_FRAMES);
		return converter;
	}

	private static MaskingJsonGeneratorDecorator masking(LoggingProperties.Masking masking) {
		MaskingJsonGeneratorDecorator decorator = new MaskingJsonGeneratorDecorator();
		decorator.addFieldMasker(new SecretFieldMasker(masking.getFields(), masking.getMask()));
		if (!masking.getPatterns().isEmpty()) {
			decorator.addValueMasker(new SecretValueMasker(masking.getPatterns(), masking.getMask()));
		}
		decorator.start();
		return decorator;
	}

	/**
	 * {@code service} from {@code spring.application.name}, {@code env} from
	 * {@code hardened.env} or the active profiles, {@code version} from Boot's build info
	 * ({@code spring.info.build.location}); a field with no value is left out.
	 */
	static ObjectNode serviceFields(@Nullable Environment environment) {
		ObjectNode fields = JsonNodeFactory.instance.objectNode();
		if (environment == null) {
			return fields;
		}
		putIfText(fields, "service", environment.getProperty("spring.application.name"));
		String env = environment.getProperty("hardened.env");
		if (!StringUtils.hasText(env) && environment instanceof ConfigurableEnvironment configurable) {
			String[] profiles = configurable.getActiveProfiles();
			env = String.join(",", (profiles.length > 0) ? profiles : configurable.getDefaultProfiles());
		}
		putIfText(fields, "env", env);
		putIfText(fields, "version", buildVersion(environment));
		return fields;
	}

	@Nullable
	private static String buildVersion(Environment environment) {
		String location = environment.getProperty("spring.info.build.location",
				"classpath:META-INF/build-info.properties");
		Resource resource = new DefaultResourceLoader().getResource(location);
		if (!resource.exists()) {
			return null;
		}
		try (InputStream in = resource.getInputStream()) {
			Properties build = new Properties();
			build.load(in);
			return build.getProperty("build.version");
		}
		catch (IOException ex) {
			// A line without a version beats no logging at all.
			return null;
		}
	}

	private static void putIfText(ObjectNode fields, String name, @Nullable String value) {
		if (StringUtils.hasText(value)) {
			fields.put(name, value);
		}
	}

}
