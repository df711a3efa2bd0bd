package dev.hardenedboot.core.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.lang.Nullable;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * An invalid {@code hardened.*} value, explained: the property, the bad value, where it was
 * set, what is wrong with it, and what to set instead, with the default. Ahead of Boot's own
 * analyzers, which say the first four but end with "Update your application's configuration".
 * The application's prefixes listed in {@code hardened.config.strict-prefixes} get the same
 * explanations, and for a key their class does not declare, the nearest one it does. A
 * configuration reload that finds an invalid value explains it the same way.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InvalidPropertyFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

	/** Read when a failure is analyzed: a reload's rebinding creates this analyzer at start-up. */
	private final SingletonSupplier<ConfigurationMetadataIndex> metadata = SingletonSupplier
		.of(() -> ConfigurationMetadataIndex.load(InvalidPropertyFailureAnalyzer.class.getClassLoader()));

	private final StrictPrefixes prefixes;

	public InvalidPropertyFailureAnalyzer(Environment environment) {
		this.prefixes = StrictPrefixes.of(environment);
	}

	@Override
	@Nullable
	protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		if (!this.prefixes.covers(cause.getName())) {
			return null;
		}
		BindValidationException validation = findCause(cause, BindValidationException.class);
		if (validation != null) {
			return analyzeValidation(cause, validation);
		}
		UnboundConfigurationPropertiesException unbound = findCause(cause,
				UnboundConfigurationPropertiesException.class);
		if (unbound != null) {
			return analyzeUnbound(cause, unbound);
		}
		ConfigurationProperty property = cause.getProperty();
		String name = (property != null) ? property.getName().toString() : cause.getName().toString();
		Object value = (property != null) ? property.getValue() : null;
		String reason = "it is not " + expectedShape(cause.getTarget().getType());
		String description = describe(name, value, originOf(property), reason);
		return new FailureAnalysis(description, fix(name, cause.getTarget().getType()), cause);
	}

	private FailureAnalysis analyzeValidation(BindException cause, BindValidationException validation) {
		StringBuilder description = new StringBuilder();
		StringBuilder action = new StringBuilder();
		List<ObjectError> errors = validation.getValidationErrors().getAllErrors();
		for (ObjectError error : errors) {
			String name = cause.getName().toString();
			Object value = null;
			String origin = null;
			if (error instanceof FieldError field) {
				name = declaredName(name + "." + DataObjectPropertyName.toDashedForm(field.getField()));
				value = field.getRejectedValue();
				String suffix = name.substring(cause.getName().toString().length());
				ConfigurationProperty property = validation.getValidationErrors()
					.getBoundProperties()
					.stream()
					.filter((bound) -> bound.getName().toString().endsWith(suffix))
					.findFirst()
					.orElse(null);
				origin = originOf(property);
				// The value as written ("-5s"), not as converted ("PT-5S").
				value = (property != null) ? property.getValue() : value;
			}
			description.append(describe(name, value, origin, error.getDefaultMessage())).append('\n');
			action.append(fix(name, null)).append('\n');
		}
		return new FailureAnalysis(description.toString().trim(), action.toString().trim(), cause);
	}

	/**
	 * Keys under an application's strict prefix that its class does not declare; the nearest
	 * declared key comes from the configuration metadata or, without it, from the class's
	 * own properties.
	 */
	private FailureAnalysis analyzeUnbound(BindException cause, UnboundConfigurationPropertiesException unbound) {
		Class<?> type = cause.getTarget().getType().resolve(Object.class);
		List<String> declared = DeclaredProperties.of(cause.getName().toString(), type);
		StringBuilder description = new StringBuilder("The configuration sets keys under '" + cause.getName()
				+ "' that " + type.getSimpleName() + " does not declare, so they have no effect:\n");
		for (ConfigurationProperty property : unbound.getUnboundProperties()) {
			ConfigurationPropertyName name = property.getName();
			String suggestion = this.metadata.obtain().suggestionFor(name);
			if (suggestion == null) {
				suggestion = EditDistance.nearest(name.toString(), declared);
			}
			description.append("\n    ")
				.append(new UnknownConfigurationKeysException.UnknownKey(name.toString(),
						String.valueOf(property.getOrigin()), suggestion)
					.describe());
		}
		String action = "Correct the spelling of each key, or remove it. The keys " + type.getSimpleName()
				+ " declares are " + declared + ".";
		return new FailureAnalysis(description.toString(), action, cause);
	}

	/**
	 * A cross-field check ({@code @AssertTrue isTimeoutWithinMaxTimeout}) reports a name no
	 * property has; name the declared property it starts with instead.
	 */
	private String declaredName(String reported) {
		String candidate = reported;
		while (this.metadata.obtain().defaultOf(ConfigurationPropertyName.of(candidate)) == null && candidate.contains("-")
				&& !this.metadata.obtain().isKnown(ConfigurationPropertyName.of(candidate))) {
			candidate = candidate.substring(0, candidate.lastIndexOf('-'));
		}
		return this.metadata.obtain().isKnown(ConfigurationPropertyName.of(candidate)) ? candidate : reported;
	}

	private static String describe(String name, @Nullable Object value, @Nullable String origin, String reason) {
		return "Invalid value for '" + name + "':\n\n    Value: " + ((value != null) ? "\"" + value + "\"" : "(none)")
				+ "\n    Origin: " + ((origin != null) ? origin : "unknown") + "\n    Reason: " + reason + "\n";
	}

	private String fix(String name, @Nullable ResolvableType type) {
		StringBuilder fix = new StringBuilder("Set '" + name + "' to ");
		fix.append((type != null) ? expectedShape(type) : "a valid value");
		Object defaultValue = this.metadata.obtain().defaultOf(ConfigurationPropertyName.of(name));
		if (defaultValue != null) {
			fix.append(" (its default is ").append(defaultValue).append(')');
		}
		else {
			fix.append(", or remove it to use the default");
		}
		return fix.append(". The property is described in docs/configuration.md.").toString();
	}

	private static String expectedShape(ResolvableType type) {
		Class<?> resolved = type.resolve(Object.class);
		if (Duration.class == resolved) {
			return "a duration such as 500ms, 30s or 2m";
		}
		if (DataSize.class == resolved) {
			return "a size such as 512KB or 10MB";
		}
		if (resolved == int.class || resolved == Integer.class || resolved == long.class || resolved == Long.class) {
			return "a whole number";
		}
		if (resolved == double.class || resolved == Double.class) {
			return "a number";
		}
		if (resolved == boolean.class || resolved == Boolean.class) {
			return "true or false";
		}
		if (resolved.isEnum()) {
			return "one of " + List.of(resolved.getEnumConstants());
		}
		return "a valid " + resolved.getSimpleName();
	}

	@Nullable
	private static String originOf(@Nullable ConfigurationProperty property) {
		return (property != null && property.getOrigin() != null) ? property.getOrigin().toString() : null;
	}

}
