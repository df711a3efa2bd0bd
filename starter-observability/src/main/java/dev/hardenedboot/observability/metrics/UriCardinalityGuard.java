package dev.hardenedboot.observability.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.lang.Nullable;

/**
 * Keeps the {@code uri} tag of the HTTP timers bounded. A raw path that reaches the tag
 * ({@code restClient.get().uri("/users/" + id)}) has its numeric, UUID and hex segments
 * collapsed to {@code {id}}; past the cap, further values are recorded as
 * {@code uri="OTHER"}, with one WARN per timer and a count in
 * {@code hardened.metrics.tags.folded} (one per new series folded: Micrometer maps an id
 * once, not per request). Boot's own guard drops those requests from the
 * metric instead, silently after one log line.
 */
public class UriCardinalityGuard implements MeterFilter, MeterBinder {

	/** The value every uri past the cap is recorded as. */
	public static final String OTHER = "OTHER";

	private static final String TAG = "uri";

	private static final Log logger = LogFactory.getLog(UriCardinalityGuard.class);

	private static final Pattern NUMBER = Pattern.compile("\\d+");

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/** Eight or more hex digits with a digit among them: "deadbeef01", not "added". */
	private static final Pattern HEX = Pattern.compile("(?=[a-fA-F]*\\d)[0-9a-fA-F]{8,}");

	private final int maxValues;

	private final Map<String, Guarded> meters = new ConcurrentHashMap<>();

	/**
	 * Guards the named timers.
	 * @param meterNames the HTTP timers whose uri tag is guarded
	 * @param maxValues most distinct values per timer, "OTHER" included
	 */
	public UriCardinalityGuard(Set<String> meterNames, int maxValues) {
		this.maxValues = maxValues;
		meterNames.forEach((name) -> this.meters.put(name, new Guarded()));
	}

	@Override
	public Meter.Id map(Meter.Id id) {
		String uri = id.getTag(TAG);
		String meter = (uri != null) ? guardedName(id.getName()) : null;
		if (meter == null) {
			return id;
		}
		String bounded = this.meters.get(meter).admit(collapse(uri), meter, meter.equals(id.getName()));
		return bounded.equals(uri) ? id : id.withTag(Tag.of(TAG, bounded));
	}

	/**
	 * The guarded timer a meter belongs to: the timer itself or one of its companions, such
	 * as the {@code .active} long task timer, which carries the same tags (Boot's own filter
	 * matches by prefix the same way).
	 */
	@Nullable
	private String guardedName(String name) {
		if (this.meters.containsKey(name)) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		return (dot > 0 && this.meters.containsKey(name.substring(0, dot))) ? name.substring(0, dot) : null;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.meters.forEach((name, guarded) -> FunctionCounter
			.builder("hardened.metrics.tags.folded", guarded.folded, AtomicLong::get)
			.description("New values of a tag recorded as OTHER because the tag reached its cap")
			.tag("meter", name)
			.tag("tag", TAG)
			.register(registry));
	}

	/**
	 * The uri with numeric, UUID and hex path segments replaced by {@code {id}}.
	 * @param uri a route template or a raw path
	 * @return the collapsed uri
	 */
	static String collapse(String uri) {
		if (uri.indexOf('/') < 0) {
			return uri;
		}
		String[] segments = uri.split("/", -1);
		boolean changed = false;
		for (int i = 0; i < segments.length; i++) {
			String segment = segments[i];
			if (!segment.isEmpty() && (NUMBER.matcher(segment).matches() || UUID.matcher(segment).matches()
					|| HEX.matcher(segment).matches())) {
				segments[i] = "{id}";
				changed = true;
			}
		}
		return changed ? String.join("/", segments) : uri;
	}

	private final class Guarded {

		private final Set<String> seen = ConcurrentHashMap.newKeySet();

		private final AtomicLong folded = new AtomicLong();

		private volatile boolean warned;

		/**
		 * The value to record.
		 * @param uri the collapsed uri
		 * @param meterName the guarded timer
		 * @param count whether a fold counts: Micrometer maps each new tag combination once,
		 * and a companion meter of the timer is not counted a second time
		 * @return the uri, or OTHER
		 */
		String admit(String uri, String meterName, boolean count) {
			if (this.seen.contains(uri)) {
				return uri;
			}
			synchronized (this) {
				// One slot stays free for OTHER itself.
				if (this.seen.contains(uri) || this.seen.size() < UriCardinalityGuard.this.maxValues - 1) {
					this.seen.add(uri);
					return uri;
				}
			}
			if (count) {
				this.folded.incrementAndGet();
			}
			if (!this.warned) {
				this.warned = true;
				logger.warn("Meter '" + meterName + "' reached " + UriCardinalityGuard.this.maxValues
						+ " distinct uri values (hardened.metrics.max-uri-tags); new values are recorded as uri=\""
						+ OTHER + "\". Check that requests are recorded by route template, not raw path, or raise"
						+ " hardened.metrics.max-uri-tags.");
			}
			return OTHER;
		}

	}

}
