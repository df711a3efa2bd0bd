package dev.hardenedboot.benchmarks.runner.load;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class WrkTests {

	@Test
	void readsTheReportScriptsLineAmongWrksOwnOutput() throws IOException {
		String output = """
				Running 20s test @ http://127.0.0.1:8080/hello
				  2 threads and 50 connections
				  Latency Distribution
				     50%    3.10ms
				     99%   12.40ms
				  255000 requests in 20.00s, 40.00MB read
				Requests/sec:  12750.00
				WRK_RESULT {"requests":255000,"durationMicros":20000000,"p50Micros":3100,"p90Micros":6000,\
				"p99Micros":12400,"maxMicros":80000,"connectErrors":0,"readErrors":0,"writeErrors":0,\
				"statusErrors":3,"timeouts":1}
				""";
		WrkResult result = Wrk.parse(output);
		// The three non-2xx answers are not counted as served.
		assertThat(result.requestsPerSecond()).isEqualTo(12749.85);
		assertThat(result.p50Micros()).isEqualTo(3100);
		assertThat(result.p99Micros()).isEqualTo(12400);
		assertThat(result.failures()).isEqualTo(4);
	}

	@Test
	void outputWithoutTheReportLineIsAnError() {
		assertThatIOException().isThrownBy(() -> Wrk.parse("unable to connect to 127.0.0.1:8080"))
			.withMessageContaining("no WRK_RESULT line");
	}

}
