package dev.hardenedboot.observability.health;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * DOWN when stop-the-world GC pauses take more than a set share of wall time over a sliding
 * window: the process is alive but spends its time collecting, and a restart is the cure.
 * Measured from the JVM's GC notifications, counting pauses only. ZGC and Shenandoah also
 * report their concurrent cycles ({@code ZGC Cycles}, {@code Shenandoah Cycles}), and G1 on
 * newer JDKs its concurrent marking ({@code G1 Concurrent GC}); those run beside the
 * application, and counting them would read a busy, healthy heap as near 100% overhead.
 */
public class GcOverheadHealthIndicator implements HealthIndicator, DisposableBean {

	private final GcPauseWindow window;

	private final Duration windowLength;

	private final int maxOverheadPercent;

	private final LongSupplier uptime;

	private final List<NotificationEmitter> emitters = new ArrayList<>();

	private final Set<String> counted = new LinkedHashSet<>();

	private final Set<String> ignored = new LinkedHashSet<>();

	private final NotificationListener listener = this::onNotification;

	public GcOverheadHealthIndicator(Duration window, int maxOverheadPercent) {
		this(window, maxOverheadPercent, ManagementFactory.getRuntimeMXBean()::getUptime);
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(this.listener, null, null);
				this.emitters.add(emitter);
			}
		}
	}

	GcOverheadHealthIndicator(Duration window, int maxOverheadPercent, LongSupplier uptime) {
		this.window = new GcPauseWindow(window.toMillis());
		this.windowLength = window;
		this.maxOverheadPercent = maxOverheadPercent;
		this.uptime = uptime;
	}

	private void onNotification(Notification notification, Object handback) {
		if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
				.from((CompositeData) notification.getUserData());
			record(info.getGcName(), info.getGcCause(), info.getGcInfo().getEndTime(), info.getGcInfo().getDuration());
		}
	}

	void record(String collector, String cause, long endMillis, long durationMillis) {
		if (isPause(collector, cause)) {
			this.window.record(endMillis, durationMillis);
			remember(this.counted, collector);
		}
		else {
			remember(this.ignored, collector);
		}
	}

	private synchronized void remember(Set<String> collectors, String collector) {
		collectors.add(collector);
	}

	static boolean isPause(String collector, String cause) {
		String name = collector.toLowerCase(Locale.ROOT);
		// "No GC" is how G1 reports a concurrent cycle; "... Cycles" are ZGC's and
		// Shenandoah's concurrent cycles beside their "... Pauses" beans.
		return !"No GC".equals(cause) && !name.endsWith(" cycles") && !name.contains("concurrent");
	}

	@Override
	public Health health() {
		double overhead = this.window.overhead(this.uptime.getAsLong());
		long percent = Math.round(overhead * 100);
		Health.Builder builder = (overhead * 100 > this.maxOverheadPercent) ? Health.down() : Health.up();
		synchronized (this) {
			return builder.withDetail("overhead", percent + "%")
				.withDetail("maxOverhead", this.maxOverheadPercent + "%")
				.withDetail("window", this.windowLength.toString())
				.withDetail("pausesFrom", List.copyOf(this.counted))
				.withDetail("ignored", List.copyOf(this.ignored))
				.build();
		}
	}

	@Override
	public void destroy() {
		for (NotificationEmitter emitter : this.emitters) {
			try {
				emitter.removeNotificationListener(this.listener);
			}
			catch (ListenerNotFoundException ex) {
				// Already gone: nothing to undo.
			}
		}
	}

}
