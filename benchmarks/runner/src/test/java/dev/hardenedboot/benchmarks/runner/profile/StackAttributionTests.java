package dev.hardenedboot.benchmarks.runner.profile;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StackAttributionTests {

	private static final String REQUEST = "java/lang/Thread.run;org/apache/tomcat/util/net/SocketProcessorBase.run;"
			+ "org/apache/catalina/core/ApplicationFilterChain.doFilter;"
			+ "org/springframework/web/filter/ServerHttpObservationFilter.doFilterInternal;"
			+ "org/apache/catalina/core/ApplicationFilterChain.doFilter;"
			+ "dev/hardenedboot/core/deadline/DeadlineFilter.doFilter;"
			+ "org/springframework/web/servlet/DispatcherServlet.doDispatch";

	@Test
	void theDeepestClaimedFrameDecides() {
		assertThat(partOf(REQUEST + ";dev/hardenedboot/benchmarks/service/HelloController.helloFromDatabase;"
				+ "org/springframework/jdbc/core/JdbcTemplate.execute;com/zaxxer/hikari/pool/HikariPool.getConnection;"
				+ "com/zaxxer/hikari/pool/ProxyLeakTask.<init>;java/lang/Throwable.fillInStackTrace"))
			.startsWith("HikariCP leak detection");
		assertThat(partOf(REQUEST + ";dev/hardenedboot/benchmarks/service/HelloController.helloFromDatabase;"
				+ "org/springframework/jdbc/core/JdbcTemplate.execute;com/zaxxer/hikari/pool/HikariPool.getConnection;"
				+ "com/zaxxer/hikari/util/ConcurrentBag.borrow"))
			.isEqualTo("HikariCP borrow and return");
	}

	@Test
	void unclaimedCallsBelongToTheirCaller() {
		// Micrometer is no part: its work under the server observation is the observation's.
		assertThat(partOf("java/lang/Thread.run;org/apache/catalina/core/ApplicationFilterChain.doFilter;"
				+ "org/springframework/web/filter/ServerHttpObservationFilter.doFilterInternal;"
				+ "io/micrometer/observation/SimpleObservation.stop;java/util/HashMap.get"))
			.startsWith("Boot's HTTP server observation");
		assertThat(partOf(REQUEST + ";net/ttddyy/dsproxy/proxy/StatementProxyLogic.invoke;"
				+ "net/ttddyy/observation/tracing/DataSourceObservationListener.beforeQuery;"
				+ "io/micrometer/observation/SimpleObservation.start"))
			.startsWith("JDBC observation");
		assertThat(partOf(REQUEST + ";dev/hardenedboot/benchmarks/service/HelloController.hello;"
				+ "java/lang/String.format"))
			.isEqualTo("The endpoint's own code");
		// Tomcat's request facade under one of our filters is that filter's cost.
		assertThat(partOf("java/lang/Thread.run;org/apache/catalina/core/ApplicationFilterChain.doFilter;"
				+ "dev/hardenedboot/core/requestid/RequestIdFilter.doFilter;"
				+ "org/apache/catalina/connector/RequestFacade.setAttribute"))
			.startsWith("Hardened Boot's own code");
	}

	@Test
	void theMostSpecificPartWinsOnOneFrame() {
		assertThat(partOf(REQUEST + ";dev/hardenedboot/observability/logging/JsonEncoder.encode"))
			.startsWith("Logging");
	}

	@Test
	void tomcatOnlyWhenNothingElseClaimsTheSample() {
		assertThat(partOf("java/lang/Thread.run;org/apache/tomcat/util/net/NioEndpoint$Poller.run;"
				+ "sun/nio/ch/EPollSelectorImpl.doSelect"))
			.startsWith("Tomcat");
		assertThat(partOf(REQUEST + ";com/fasterxml/jackson/core/json/UTF8JsonGenerator.flush;"
				+ "org/apache/catalina/connector/OutputBuffer.flush;sun/nio/ch/SocketChannelImpl.write"))
			.startsWith("Response body");
	}

	@Test
	void theRestIsTheJvms() {
		assertThat(partOf("thread_start;CompileBroker::compiler_thread_loop;C2Compiler::compile_method"))
			.isEqualTo(StackAttribution.REST);
	}

	private static String partOf(String stack) {
		return StackAttribution.partOf(List.of(stack.split(";")));
	}

}
