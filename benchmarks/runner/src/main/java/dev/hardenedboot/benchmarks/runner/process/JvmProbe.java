package dev.hardenedboot.benchmarks.runner.process;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Set;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;

/**
 * Reads a variant's JVM from the outside, through JMX over the attach API (the JVM's local
 * management agent: no port, no flag on the variant's command line).
 * <p>
 * Why not {@code /actuator/prometheus}: plain Boot has no actuator, and a service that has
 * piled up all its threads cannot answer a scrape, which is exactly when the figures matter.
 * JMX answers on its own threads.
 */
public final class JvmProbe implements AutoCloseable {

	private static final ObjectName TOMCAT_POOLS = objectName("Tomcat:type=ThreadPool,name=*");

	private static final ObjectName HIKARI = objectName("com.zaxxer.hikari:*");

	private final JMXConnector connector;

	private final MBeanServerConnection server;

	private final ThreadMXBean threads;

	private JvmProbe(JMXConnector connector) throws IOException {
		this.connector = connector;
		this.server = connector.getMBeanServerConnection();
		this.threads = ManagementFactory.newPlatformMXBeanProxy(this.server, ManagementFactory.THREAD_MXBEAN_NAME,
				ThreadMXBean.class);
	}

	/**
	 * Attaches to a running JVM of the same user.
	 * @param pid its process id
	 * @return the probe
	 * @throws IOException if the JVM cannot be attached to
	 */
	public static JvmProbe attach(long pid) throws IOException {
		try {
			VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
			String address;
			try {
				address = vm.startLocalManagementAgent();
			}
			finally {
				vm.detach();
			}
			return new JvmProbe(JMXConnectorFactory.connect(new JMXServiceURL(address)));
		}
		catch (AttachNotSupportedException ex) {
			throw new IOException("cannot attach to " + pid, ex);
		}
	}

	/**
	 * Bytes allocated so far by the JVM's live threads ({@code ThreadMXBean}'s per-thread
	 * counters, summed). The difference of two readings around a load round is what the round
	 * allocated, less what threads that ended in between had allocated (Tomcat's workers and
	 * the other threads serving requests live through a round).
	 * @return allocated bytes
	 * @throws IOException if the JVM cannot be read
	 */
	public long allocatedBytes() throws IOException {
		try {
			long[] ids = this.threads.getAllThreadIds();
			long total = 0;
			for (long bytes : this.threads.getThreadAllocatedBytes(ids)) {
				if (bytes > 0) {
					total += bytes;
				}
			}
			return total;
		}
		catch (RuntimeException ex) {
			throw new IOException("cannot read thread allocation", ex);
		}
	}

	/**
	 * Tomcat's busy request threads, summed over its connectors; needs
	 * {@code server.tomcat.mbeanregistry.enabled=true}.
	 * @return busy threads, or -1 when Tomcat registered no thread pool
	 * @throws IOException if the JVM cannot be read
	 */
	public int tomcatBusyThreads() throws IOException {
		return sum(TOMCAT_POOLS, "currentThreadsBusy", null);
	}

	/**
	 * Threads waiting for a connection, summed over Hikari's pools; needs
	 * {@code spring.datasource.hikari.register-mbeans=true}.
	 * @return waiting threads, or -1 when no pool registered its MBean
	 * @throws IOException if the JVM cannot be read
	 */
	public int hikariPending() throws IOException {
		return sum(HIKARI, "ThreadsAwaitingConnection", "Pool (");
	}

	private int sum(ObjectName pattern, String attribute, String typePrefix) throws IOException {
		try {
			Set<ObjectName> names = this.server.queryNames(pattern, null);
			int total = 0;
			boolean found = false;
			for (ObjectName name : names) {
				String type = name.getKeyProperty("type");
				if (typePrefix != null && (type == null || !type.startsWith(typePrefix))) {
					continue;
				}
				total += ((Number) this.server.getAttribute(name, attribute)).intValue();
				found = true;
			}
			return found ? total : -1;
		}
		catch (JMException ex) {
			throw new IOException("cannot read " + attribute, ex);
		}
	}

	private static ObjectName objectName(String name) {
		try {
			return new ObjectName(name);
		}
		catch (JMException ex) {
			throw new IllegalArgumentException(name, ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.connector.close();
	}

}
