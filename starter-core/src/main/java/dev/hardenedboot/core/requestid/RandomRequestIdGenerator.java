package dev.hardenedboot.core.requestid;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * 128 random bits as 32 lowercase hex digits, the shape of a W3C trace id. Request ids need
 * to be unique, not unguessable, so {@link ThreadLocalRandom} is used: it does not contend
 * between request threads the way {@code UUID.randomUUID()}'s {@code SecureRandom} can.
 */
class RandomRequestIdGenerator implements RequestIdGenerator {

	private static final HexFormat HEX = HexFormat.of();

	@Override
	public String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
	}

}
