package dev.hardenedboot.core.requestid;

import java.util.concurrent.ThreadLocalRandom;

/**
 * 128 random bits as 32 lowercase hex digits, the shape of a W3C trace id. Request ids need
 * to be unique, not unguessable, so {@link ThreadLocalRandom} is used: it does not contend
 * between request threads the way {@code UUID.randomUUID()}'s {@code SecureRandom} can.
 */
class RandomRequestIdGenerator implements RequestIdGenerator {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	@Override
	public String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] id = new char[32];
		fill(id, 0, random.nextLong());
		fill(id, 16, random.nextLong());
		return new String(id);
	}

	private static void fill(char[] target, int offset, long bits) {
		for (int i = 15; i >= 0; i--) {
			target[offset + i] = HEX[(int) (bits & 0xF)];
			bits >>>= 4;
		}
	}

}
