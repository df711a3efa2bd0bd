package dev.hardenedboot.data.pool;

import java.util.Arrays;

/**
 * The stack logged with a connection leak: where the connection was borrowed, once its pool
 * records borrow sites, or otherwise where the borrowing thread is when the leak is found.
 * Never thrown.
 */
final class ConnectionLeakTrace extends Exception {

	private static final long serialVersionUID = 1L;

	private ConnectionLeakTrace(String message) {
		super(message);
	}

	/**
	 * The calling thread's stack, captured at a borrow.
	 * @return the trace of the borrow
	 */
	static ConnectionLeakTrace borrowSite() {
		return new ConnectionLeakTrace("the connection was borrowed here");
	}

	/**
	 * Where {@code thread} is now.
	 * @param thread the thread that borrowed the leaked connection
	 * @return the trace of the thread's current stack
	 */
	static ConnectionLeakTrace currentStackOf(Thread thread) {
		ConnectionLeakTrace trace = new ConnectionLeakTrace("thread '" + thread.getName()
				+ "', which borrowed the connection, is here now (it may have moved on to other work)");
		trace.setStackTrace(thread.getStackTrace());
		return trace;
	}

	/**
	 * This trace without the frames of the pool and of the tracker above the application's
	 * call, which only say that a connection was borrowed.
	 * @return this trace
	 */
	ConnectionLeakTrace withoutPoolFrames() {
		StackTraceElement[] frames = getStackTrace();
		int first = 0;
		while (first < frames.length && isPoolFrame(frames[first])) {
			first++;
		}
		if (first > 0 && first < frames.length) {
			setStackTrace(Arrays.copyOfRange(frames, first, frames.length));
		}
		return this;
	}

	private static boolean isPoolFrame(StackTraceElement frame) {
		String className = frame.getClassName();
		return className.startsWith("com.zaxxer.hikari.") || className.equals(BorrowTracker.class.getName())
				|| className.equals(ConnectionLeakTrace.class.getName());
	}

}
