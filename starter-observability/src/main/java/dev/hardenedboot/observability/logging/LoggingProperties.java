package dev.hardenedboot.observability.logging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * JSON log lines, their size limits, masking, sampling and the asynchronous opt-in.
 */
@ConfigurationProperties("hardened.logging")
@Validated
public class LoggingProperties {

	/**
	 * Whether Logback writes JSON lines to stdout when the application has no Logback
	 * configuration of its own (logback-spring.xml, logback.xml or logging.config).
	 */
	private boolean enabled = true;

	/**
	 * Whether lines are written by a background thread instead of the logging thread. Off,
	 * because a queue is where lines get lost; when on, WARN and ERROR are never discarded
	 * and the queue is drained on a graceful shutdown.
	 */
	private boolean async = false;

	/**
	 * Most lines waiting for the background thread. When less than a fifth of it is free,
	 * INFO and lower lines are discarded (and counted); WARN and ERROR wait for room.
	 */
	@Min(16)
	private int asyncQueueSize = 8192;

	/**
	 * Longest wait for the background thread to write the queued lines on shutdown.
	 */
	@NotNull
	private Duration asyncShutdownTimeout = Duration.ofSeconds(10);

	/**
	 * Largest JSON line, newline included. Container runtimes split longer lines (16KB for
	 * Docker and containerd), which breaks them for every JSON parser; longer string values
	 * are cut to fit.
	 */
	@NotNull
	private DataSize maxLineSize = DataSize.ofKilobytes(16);

	/**
	 * Largest stack_trace value, in characters. The trace is written root cause first, so a
	 * cut loses the outermost wrappers, not the cause.
	 */
	@NotNull
	private DataSize stackTraceMaxSize = DataSize.ofKilobytes(8);

	@Valid
	private final Masking masking = new Masking();

	@Valid
	private final Sampling sampling = new Sampling();

	@Valid
	private final Collapse collapse = new Collapse();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isAsync() {
		return this.async;
	}

	public void setAsync(boolean async) {
		this.async = async;
	}

	public int getAsyncQueueSize() {
		return this.asyncQueueSize;
	}

	public void setAsyncQueueSize(int asyncQueueSize) {
		this.asyncQueueSize = asyncQueueSize;
	}

	public Duration getAsyncShutdownTimeout() {
		return this.asyncShutdownTimeout;
	}

	public void setAsyncShutdownTimeout(Duration asyncShutdownTimeout) {
		this.asyncShutdownTimeout = asyncShutdownTimeout;
	}

	public DataSize getMaxLineSize() {
		return this.maxLineSize;
	}

	public void setMaxLineSize(DataSize maxLineSize) {
		this.maxLineSize = maxLineSize;
	}

	public DataSize getStackTraceMaxSize() {
		return this.stackTraceMaxSize;
	}

	public void setStackTraceMaxSize(DataSize stackTraceMaxSize) {
		this.stackTraceMaxSize = stackTraceMaxSize;
	}

	public Masking getMasking() {
		return this.masking;
	}

	public Sampling getSampling() {
		return this.sampling;
	}

	public Collapse getCollapse() {
		return this.collapse;
	}

	/**
	 * Secrets kept out of log lines.
	 */
	public static class Masking {

		/**
		 * Whether secrets are masked in JSON lines.
		 */
		private boolean enabled = true;

		/**
		 * Words that make a field or MDC key secret when its name contains one, ignoring
		 * case, dashes, underscores and dots ("api-key" matches "X-Api-Key" and "apiKey").
		 * Setting the list replaces it.
		 */
		private List<String> fields = new ArrayList<>(
				List.of("password", "secret", "token", "authorization", "cookie", "api-key"));

		/**
		 * Regular expressions whose matches are masked inside every string value, the message
		 * included: by default bearer tokens and JWTs. Setting the list replaces it.
		 */
		private List<String> patterns = new ArrayList<>(List.of("(?i)(?<=bearer )[A-Za-z0-9._~+/=-]{8,}",
				"eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"));

		/**
		 * What a masked value is replaced with.
		 */
		private String mask = "****";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getFields() {
			return this.fields;
		}

		public void setFields(List<String> fields) {
			this.fields = fields;
		}

		public List<String> getPatterns() {
			return this.patterns;
		}

		public void setPatterns(List<String> patterns) {
			this.patterns = patterns;
		}

		public String getMask() {
			return this.mask;
		}

		public void setMask(String mask) {
			this.mask = mask;
		}

	}

	/**
	 * Token buckets that cap how many INFO, DEBUG and TRACE lines a logger writes per second.
	 * WARN and ERROR are never sampled.
	 */
	public static class Sampling {

		/**
		 * Whether floods of INFO and lower lines are sampled.
		 */
		private boolean enabled = true;

		/**
		 * INFO lines each logger may write per second, by logger name or package; the longest
		 * matching name wins and "root" applies to the rest. Each logger has its own bucket of
		 * one second's lines. 0 drops every line, -1 means no limit.
		 */
		private Map<String, @Min(-1) Integer> info = new LinkedHashMap<>(Map.of("root", 1000));

		/**
		 * DEBUG lines each logger may write per second, by logger name or package, as for
		 * info.
		 */
		private Map<String, @Min(-1) Integer> debug = new LinkedHashMap<>(Map.of("root", 1000));

		/**
		 * TRACE lines each logger may write per second, by logger name or package, as for
		 * info.
		 */
		private Map<String, @Min(-1) Integer> trace = new LinkedHashMap<>(Map.of("root", 1000));

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Map<String, Integer> getInfo() {
			return this.info;
		}

		public void setInfo(Map<String, Integer> info) {
			this.info = info;
		}

		public Map<String, Integer> getDebug() {
			return this.debug;
		}

		public void setDebug(Map<String, Integer> debug) {
			this.debug = debug;
		}

		public Map<String, Integer> getTrace() {
			return this.trace;
		}

		public void setTrace(Map<String, Integer> trace) {
			this.trace = trace;
		}

	}

	/**
	 * Identical WARN lines repeated within a window written once, then summarized by one
	 * line with the count. ERROR lines are never collapsed.
	 */
	public static class Collapse {

		/**
		 * Whether identical WARN lines (same logger, message and exception type) repeated
		 * within the window are written once and then summarized by a "repeated N more times"
		 * line. Off by default: the repeats' own trace and request ids are not written.
		 */
		private boolean enabled = false;

		/**
		 * How long after a WARN line its identical repeats are collapsed. When the window
		 * ends, one line says how many repeats were not written.
		 */
		@NotNull
		@DurationMin(millis = 100)
		private Duration window = Duration.ofSeconds(10);

		/**
		 * Most distinct WARN lines tracked at once. Past it, further distinct lines are
		 * written as they come, uncollapsed, so a flood of distinct warnings takes bounded
		 * memory.
		 */
		@Min(1)
		private int maxDistinctLines = 1000;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public int getMaxDistinctLines() {
			return this.maxDistinctLines;
		}

		public void setMaxDistinctLines(int maxDistinctLines) {
			this.maxDistinctLines = maxDistinctLines;
		}

	}

}
