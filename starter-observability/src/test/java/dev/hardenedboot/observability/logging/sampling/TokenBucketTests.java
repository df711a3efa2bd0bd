package dev.hardenedboot.observability.logging.sampling;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTests {

	private static final long MS = 1_000_000L;

	@Test
	void holdsOneSecondOfTokensThenRefillsAtTheRate() {
		TokenBucket bucket = new TokenBucket(10, 0);
		assertThat(IntStream.range(0, 20).filter((i) -> bucket.tryTake(0)).count()).isEqualTo(10);
		assertThat(bucket.tryTake(99 * MS)).isFalse();
		assertThat(bucket.tryTake(100 * MS)).isTrue();
		assertThat(bucket.tryTake(100 * MS)).isFalse();
	}

	@Test
	void aQuietLoggerGetsAFullBucketBackButNoMore() {
		TokenBucket bucket = new TokenBucket(5, 0);
		IntStream.range(0, 5).forEach((i) -> bucket.tryTake(0));
		long later = 60_000 * MS;
		assertThat(IntStream.range(0, 20).filter((i) -> bucket.tryTake(later)).count()).isEqualTo(5);
	}

	@Test
	void emptyBucketNeverGivesAToken() {
		assertThat(TokenBucket.EMPTY.tryTake(0)).isFalse();
		assertThat(TokenBucket.EMPTY.tryTake(Long.MAX_VALUE / 2)).isFalse();
	}

}
