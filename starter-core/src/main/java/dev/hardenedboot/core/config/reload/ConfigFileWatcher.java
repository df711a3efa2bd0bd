package dev.hardenedboot.core.config.reload;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.hardenedboot.core.config.files.ConfigFiles;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.lang.Nullable;

/**
 * Watches the configuration files and asks the {@link ConfigReloader} to reload when they
 * change. File-system events make a change visible within the quiet period (the mounted
 * directory's events include Kubernetes' {@code ..data} link swap); a poll every
 * {@code poll-interval} catches volumes that send no events and directories that appear later.
 * The working directory is watched only when a profile is active, since only
 * {@code config.{profile}.yaml} counts there.
 */
class ConfigFileWatcher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ConfigFileWatcher.class);

	private final ConfigReloader reloader;

	private final ConfigReloadProperties properties;

	private final Environment environment;

	@Nullable
	private volatile Thread thread;

	ConfigFileWatcher(ConfigReloader reloader, ConfigReloadProperties properties, Environment environment) {
		this.reloader = reloader;
		this.properties = properties;
		this.environment = environment;
	}

	/**
	 * Registers the directories before returning, so that a change made once the application
	 * has started is always seen, then watches on a daemon thread.
	 */
	@Override
	public void start() {
		WatchService service;
		try {
			service = FileSystems.getDefault().newWatchService();
		}
		catch (IOException ex) {
			logger.warn("Configuration files cannot be watched; they are reloaded only on restart", ex);
			return;
		}
		Map<WatchKey, Path> watched = new HashMap<>();
		register(service, ConfigFiles.of(this.environment), watched);
		Thread watcher = new Thread(() -> watch(service, watched), "hardened-config-watcher");
		watcher.setDaemon(true);
		this.thread = watcher;
		watcher.start();
	}

	@Override
	public void stop() {
		Thread watcher = this.thread;
		this.thread = null;
		if (watcher != null) {
			watcher.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	private void watch(WatchService service, Map<WatchKey, Path> watched) {
		try (service) {
			// What changed between Boot reading the files and the registration above.
			reload();
			while (this.thread == Thread.currentThread()) {
				ConfigFiles files = ConfigFiles.of(this.environment);
				register(service, files, watched);
				WatchKey key = service.poll(this.properties.getPollInterval().toMillis(), TimeUnit.MILLISECONDS);
				if (key != null && !settle(service, key, files, watched)) {
					continue;
				}
				reload();
			}
		}
		catch (InterruptedException | ClosedWatchServiceException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			logger.debug("Closing the configuration watch service failed", ex);
		}
	}

	/**
	 * Waits until no event has come for the quiet period.
	 * @return whether any event was about a configuration file
	 */
	private boolean settle(WatchService service, WatchKey first, ConfigFiles files, Map<WatchKey, Path> watched)
			throws InterruptedException {
		boolean relevant = false;
		WatchKey key = first;
		while (key != null) {
			relevant |= isRelevant(key, files, watched);
			key = service.poll(this.properties.getQuietPeriod().toMillis(), TimeUnit.MILLISECONDS);
		}
		return relevant;
	}

	/** Every change in the mounted directory, only profile files in the working directory. */
	private boolean isRelevant(WatchKey key, ConfigFiles files, Map<WatchKey, Path> watched) {
		boolean mountDir = files.directories().get(0).equals(watched.get(key));
		boolean relevant = false;
		for (WatchEvent<?> event : key.pollEvents()) {
			relevant |= mountDir || event.kind() == StandardWatchEventKinds.OVERFLOW
					|| (event.context() instanceof Path name && files.isProfileFileName(name.toString()));
		}
		if (!key.reset()) {
			watched.remove(key);
		}
		return relevant;
	}

	private void register(WatchService service, ConfigFiles files, Map<WatchKey, Path> watched) {
		Path mountDir = files.directories().get(0);
		Path workingDir = files.directories().get(1);
		register(service, mountDir, watched);
		if (this.environment.getActiveProfiles().length > 0) {
			register(service, workingDir, watched);
		}
	}

	private static void register(WatchService service, Path directory, Map<WatchKey, Path> watched) {
		if (watched.containsValue(directory) || !Files.isDirectory(directory)) {
			return;
		}
		try {
			watched.put(directory.register(service, StandardWatchEventKinds.ENTRY_CREATE,
					StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), directory);
		}
		catch (IOException ex) {
			logger.debug("Cannot watch " + directory + "; it is polled instead", ex);
		}
	}

	private void reload() {
		try {
			this.reloader.reload();
		}
		catch (RuntimeException ex) {
			logger.warn("Configuration reload failed; the running configuration is unchanged", ex);
		}
	}

}
