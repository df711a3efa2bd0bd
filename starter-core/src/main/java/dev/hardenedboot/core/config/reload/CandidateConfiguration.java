package dev.hardenedboot.core.config.reload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.hardenedboot.core.config.cipher.DecryptingEnvironmentPostProcessor;
import dev.hardenedboot.core.config.files.ConfigFileGroup;

import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.lang.Nullable;

/**
 * The configuration a reload would put in force: the running environment's property sources
 * with the configuration files' sources replaced by their new contents and the decrypted
 * values computed again. Checks run against it while the running environment stays as it is;
 * applying moves the new sources into the running environment in one step each.
 */
final class CandidateConfiguration {

	private static final String ATTACHED_SOURCE_NAME = "configurationProperties";

	private final ConfigurableEnvironment environment;

	private final Set<String> changedKeys;

	private CandidateConfiguration(ConfigurableEnvironment environment, Set<String> changedKeys) {
		this.environment = environment;
		this.changedKeys = changedKeys;
	}

	/**
	 * The candidate for {@code live} with {@code loaded} as the files' new contents.
	 * @throws dev.hardenedboot.core.config.cipher.ConfigCipherException when a new encrypted
	 * value cannot be decrypted
	 */
	static CandidateConfiguration of(ConfigurableEnvironment live, Map<ConfigFileGroup, List<PropertySource<?>>> loaded,
			DecryptingEnvironmentPostProcessor decrypting) {
		MutablePropertySources sources = new MutablePropertySources(live.getPropertySources());
		sources.remove(ATTACHED_SOURCE_NAME);
		sources.remove(DecryptingEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
		loaded.forEach((group, groupSources) -> replace(sources, group, active(groupSources, live)));
		ConfigurableEnvironment candidate = new AbstractEnvironment(sources) {
		};
		candidate.setActiveProfiles(live.getActiveProfiles());
		candidate.setDefaultProfiles(live.getDefaultProfiles());
		candidate.setConversionService(live.getConversionService());
		decrypting.decrypt(candidate);
		ConfigurationPropertySources.attach(candidate);
		return new CandidateConfiguration(candidate, changedKeys(live, candidate));
	}

	ConfigurableEnvironment environment() {
		return this.environment;
	}

	Set<String> changedKeys() {
		return this.changedKeys;
	}

	/**
	 * Puts the candidate's file sources and decrypted values into {@code live}. Each source is
	 * one reference swap, and the sources that differ are only the files' own.
	 */
	void applyTo(ConfigurableEnvironment live) {
		MutablePropertySources target = live.getPropertySources();
		MutablePropertySources candidate = this.environment.getPropertySources();
		for (ConfigFileGroup group : ConfigFileGroup.values()) {
			List<PropertySource<?>> ascending = new ArrayList<>(candidate.stream().filter(group::holds).toList());
			Collections.reverse(ascending);
			replace(target, group, ascending);
		}
		String decrypted = DecryptingEnvironmentPostProcessor.PROPERTY_SOURCE_NAME;
		PropertySource<?> values = candidate.get(decrypted);
		if (values == null) {
			target.remove(decrypted);
		}
		else if (target.contains(decrypted)) {
			target.replace(decrypted, values);
		}
		else {
			target.addFirst(values);
		}
	}

	/**
	 * Replaces {@code group}'s sources with {@code ascending} (highest priority last), just
	 * above the group's anchor. A group without an anchor was not imported at start-up (the
	 * application set {@code spring.config.import} without it), so it is not reloaded either.
	 */
	private static void replace(MutablePropertySources sources, ConfigFileGroup group,
			List<PropertySource<?>> ascending) {
		if (!sources.contains(group.anchorName())) {
			return;
		}
		sources.stream().filter(group::holds).map(PropertySource::getName).toList().forEach(sources::remove);
		String below = group.anchorName();
		for (PropertySource<?> source : ascending) {
			sources.addBefore(below, source);
			below = source.getName();
		}
	}

	/**
	 * The documents Boot would have activated: a YAML document may name the profiles or cloud
	 * platform it is for with {@code spring.config.activate.*}.
	 */
	private static List<PropertySource<?>> active(List<PropertySource<?>> sources, Environment live) {
		List<PropertySource<?>> active = new ArrayList<>();
		for (PropertySource<?> source : sources) {
			Binder binder = new Binder(ConfigurationPropertySource.from(source));
			String[] onProfile = binder.bind("spring.config.activate.on-profile", String[].class).orElse(null);
			String onCloudPlatform = binder.bind("spring.config.activate.on-cloud-platform", String.class)
				.orElse(null);
			boolean profileMatches = onProfile == null || live.acceptsProfiles(Profiles.of(onProfile));
			boolean platformMatches = onCloudPlatform == null || isActive(onCloudPlatform, live);
			if (profileMatches && platformMatches) {
				active.add(source);
			}
		}
		return active;
	}

	private static boolean isActive(String platform, Environment live) {
		CloudPlatform active = CloudPlatform.getActive(live);
		return active != null && active.name().equals(platform.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
	}

	/**
	 * The keys the files or the decrypted values set, before or after, whose effective value
	 * (placeholders resolved) differs.
	 */
	private static Set<String> changedKeys(ConfigurableEnvironment live, ConfigurableEnvironment candidate) {
		Set<String> names = new LinkedHashSet<>();
		collectNames(live.getPropertySources(), names);
		collectNames(candidate.getPropertySources(), names);
		Set<String> changed = new TreeSet<>();
		for (String name : names) {
			if (!equal(valueOf(live, name), valueOf(candidate, name))) {
				ConfigurationPropertyName canonical = ConfigurationPropertyName.adapt(name, '.');
				changed.add(canonical.isEmpty() ? name : canonical.toString());
			}
		}
		return changed;
	}

	private static void collectNames(MutablePropertySources sources, Collection<String> names) {
		for (PropertySource<?> source : sources) {
			boolean reloadable = Arrays.stream(ConfigFileGroup.values()).anyMatch((group) -> group.holds(source))
					|| source.getName().equals(DecryptingEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
			if (reloadable && source instanceof EnumerablePropertySource<?> enumerable) {
				names.addAll(List.of(enumerable.getPropertyNames()));
			}
		}
	}

	@Nullable
	private static String valueOf(Environment environment, String name) {
		try {
			return environment.getProperty(name);
		}
		catch (IllegalArgumentException ex) {
			// An unresolvable placeholder: compare the text as written.
			return "unresolvable: " + ex.getMessage();
		}
	}

	private static boolean equal(@Nullable String one, @Nullable String other) {
		return (one == null) ? other == null : one.equals(other);
	}

}
