package dev.hardenedboot.benchmarks.runner.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProfileComparisonTests {

	private static final String DISPATCH = "java/lang/Thread.run;org/apache/catalina/core/ApplicationFilterChain.doFilter;"
			+ "org/springframework/web/servlet/DispatcherServlet.doDispatch";

	@TempDir
	Path directory;

	@Test
	void cpuPerRequestByPartLargestDifferenceFirst() throws IOException {
		Path plain = write("plain", DISPATCH + " 300\n" + "thread_start;GCTaskThread::run 100\n");
		Path hardened = write("hardened",
				DISPATCH + " 300\n" + "thread_start;GCTaskThread::run 100\n"
						+ DISPATCH + ";org/springframework/jdbc/core/JdbcTemplate.execute;"
						+ "com/zaxxer/hikari/pool/ProxyLeakTask.<init> 150\n"
						+ "java/lang/Thread.run;org/apache/catalina/core/ApplicationFilterChain.doFilter;"
						+ "dev/hardenedboot/core/requestid/RequestIdFilter.doFilter 50\n");
		// 1 ms samples: plain 400 ms over 1,000 requests, Hardened Boot 600 ms over 1,000.
		ProfileComparison comparison = new ProfileComparison(CpuProfile.read(plain, 1000, 1000),
				CpuProfile.read(hardened, 1000, 1000));
		assertThat(comparison.table()).containsExactly(
				"| part | plain Boot, CPU µs per request | Hardened Boot | difference |", "|---|---:|---:|---:|",
				"| HikariCP leak detection (a stack captured per borrow) | 0.0 | 150.0 | +150.0 |",
				"| Hardened Boot's own code (servlet filters, statement hooks) | 0.0 | 50.0 | +50.0 |",
				"| Spring MVC dispatch (handler lookup, interceptors, arguments) | 300.0 | 300.0 | +0.0 |",
				"| " + StackAttribution.REST + " | 100.0 | 100.0 | +0.0 |", "| **all** | 400.0 | 600.0 | +200.0 |");
	}

	@Test
	void aProfileWithoutRequestsIsRefused() throws IOException {
		Path plain = write("plain", DISPATCH + " 3\n");
		assertThatIllegalArgumentException().isThrownBy(() -> CpuProfile.read(plain, 1000, 0))
			.withMessageContaining("No requests");
	}

	@Test
	void aLineThatIsNoCollapsedStackIsRefused() throws IOException {
		Path broken = write("broken", "nothing-here\n");
		assertThatIllegalArgumentException().isThrownBy(() -> CpuProfile.read(broken, 1000, 10))
			.withMessageContaining("nothing-here");
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name + ".collapsed"), content);
	}

}
