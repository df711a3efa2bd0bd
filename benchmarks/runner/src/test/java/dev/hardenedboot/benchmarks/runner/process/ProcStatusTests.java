package dev.hardenedboot.benchmarks.runner.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProcStatusTests {

	@Test
	void readsVmRss() {
		String status = "Name:\tjava\nVmPeak:\t 5000000 kB\nVmRSS:\t  312456 kB\nThreads:\t42\n";
		assertThat(ProcStatus.vmRssKib(status)).isEqualTo(312456);
	}

	@Test
	void readsThisProcesssOwnStatus() throws IOException {
		Path self = Path.of("/proc/self/status");
		if (Files.exists(self)) {
			assertThat(ProcStatus.vmRssKib(Files.readString(self))).isPositive();
		}
	}

	@Test
	void statusWithoutVmRssIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProcStatus.vmRssKib("Name:\tzombie\n"));
	}

}
