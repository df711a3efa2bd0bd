package dev.hardenedboot.core.config.cipher;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypted configuration values: {@code {cipher}} followed by Base64 of a 12-byte IV, the
 * ciphertext and the 16-byte GCM tag, under AES-256-GCM. GCM authenticates: a value
 * encrypted with another key, or changed by a single bit, fails to decrypt rather than
 * yielding garbage.
 */
public final class ConfigCipher {

	/** Marks an encrypted value. */
	public static final String PREFIX = "{cipher}";

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	/**
	 * @param key 32 bytes of key material
	 */
	public ConfigCipher(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("An AES-256 key has 32 bytes, not " + key.length);
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	/**
	 * A cipher from the Base64 text of a key, as {@code HARDENED_CONFIG_KEY} or a key file
	 * hold it.
	 * @param base64 the key, Base64 of 32 bytes
	 * @return the cipher
	 */
	public static ConfigCipher fromBase64(String base64) {
		try {
			return new ConfigCipher(Base64.getDecoder().decode(base64.strip()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The key is not Base64 of 32 bytes", ex);
		}
	}

	/**
	 * A new random key, Base64-encoded.
	 * @return the key
	 */
	public static String generateKey() {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	public static boolean isEncrypted(Object value) {
		return value instanceof CharSequence text && text.toString().startsWith(PREFIX);
	}

	public String encrypt(String plaintext) {
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-256-GCM is not available on this JVM", ex);
		}
	}

	/**
	 * Decrypts {@code value}.
	 * @param value {@code {cipher}...}
	 * @return the plaintext
	 * @throws IllegalArgumentException when the value is malformed, was encrypted with
	 * another key or was tampered with; the message never contains the value
	 */
	public String decrypt(String value) {
		if (!value.startsWith(PREFIX)) {
			throw new IllegalArgumentException("not a {cipher} value");
		}
		byte[] sealed;
		try {
			sealed = Base64.getDecoder().decode(value.substring(PREFIX.length()).strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("the value after {cipher} is not Base64");
		}
		if (sealed.length < IV_BYTES + TAG_BITS / 8) {
			throw new IllegalArgumentException("the value is too short to hold an IV and a GCM tag");
		}
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
			return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException(
					"it does not decrypt with the configured key: it was encrypted with another key, or changed");
		}
	}

}
