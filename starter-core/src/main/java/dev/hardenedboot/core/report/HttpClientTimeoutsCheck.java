package dev.hardenedboot.core.report;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.http.client.AbstractClientHttpRequestFactoryWrapper;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * {@code RestTemplate} and {@code RestClient} beans built by hand ({@code new RestTemplate()},
 * {@code RestClient.create()}) rather than from Boot's builders: the JDK's connection then
 * waits forever for an answer. Only the JDK-based request factories can be inspected; an
 * Apache HttpClient 5 factory is configured through its connection manager, which is what
 * Boot's builders (with Hardened Boot's defaults) do.
 */
class HttpClientTimeoutsCheck implements HardeningCheck {

	private final ListableBeanFactory beans;

	HttpClientTimeoutsCheck(ListableBeanFactory beans) {
		this.beans = beans;
	}

	@Override
	public List<HardeningFinding> check() {
		List<HardeningFinding> findings = new ArrayList<>();
		this.beans.getBeansOfType(RestTemplate.class, false, false)
			.forEach((name, template) -> findings.add(finding("RestTemplate", name, template.getRequestFactory())));
		this.beans.getBeansOfType(RestClient.class, false, false)
			.forEach((name, client) -> findings.add(finding("RestClient", name, requestFactory(client))));
		return findings;
	}

	private static HardeningFinding finding(String kind, String name, @Nullable ClientHttpRequestFactory factory) {
		ClientHttpRequestFactory unwrapped = unwrap(factory);
		String what = kind + " bean '" + name + "'";
		if (unwrapped instanceof SimpleClientHttpRequestFactory || unwrapped instanceof JdkClientHttpRequestFactory) {
			Object timeout = readField(unwrapped, "readTimeout");
			boolean unbounded = timeout == null || (timeout instanceof Integer millis && millis <= 0)
					|| (timeout instanceof Duration duration && (duration.isZero() || duration.isNegative()));
			if (unbounded) {
				return HardeningFinding.warn("core", "http-clients.timeouts",
						what + " uses " + ClassUtils.getShortName(unwrapped.getClass())
								+ " without a read timeout: a dependency that stops answering holds the thread.",
						"Build it from the injected " + kind + ".Builder"
								+ (kind.equals("RestTemplate") ? " (RestTemplateBuilder)" : "")
								+ ", which carries spring.http.client.* timeouts and the request deadline.");
			}
		}
		return HardeningFinding.pass("core", "http-clients.timeouts", what + " has a read timeout or a pooled client.");
	}

	@Nullable
	private static ClientHttpRequestFactory unwrap(@Nullable ClientHttpRequestFactory factory) {
		ClientHttpRequestFactory current = factory;
		while (current instanceof AbstractClientHttpRequestFactoryWrapper
				&& readField(current, "requestFactory") instanceof ClientHttpRequestFactory inner) {
			current = inner;
		}
		return current;
	}

	@Nullable
	private static ClientHttpRequestFactory requestFactory(RestClient client) {
		return (readField(client, "clientRequestFactory") instanceof ClientHttpRequestFactory factory) ? factory : null;
	}

	/** Reads a private field of Spring's own classes: a diagnostic, never behaviour, depends on it. */
	@Nullable
	private static Object readField(Object target, String name) {
		Field field = ReflectionUtils.findField(target.getClass(), name);
		if (field == null) {
			return null;
		}
		try {
			ReflectionUtils.makeAccessible(field);
			return field.get(target);
		}
		catch (RuntimeException | IllegalAccessException ex) {
			return null;
		}
	}

}
