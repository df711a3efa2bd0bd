package dev.hardenedboot.core.config.cipher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Encrypts a configuration value without writing code:
 *
 * <pre>
 * java -cp app.jar dev.hardenedboot.core.config.cipher.EncryptValue --generate-key
 * HARDENED_CONFIG_KEY=... java -cp app.jar dev.hardenedboot.core.config.cipher.EncryptValue &lt; secret.txt
 * java -cp app.jar dev.hardenedboot.core.config.cipher.EncryptValue --key-file /run/secrets/config-key &lt; secret.txt
 * </pre>
 *
 * The value is read from standard input, not from the command line, so it does not land in
 * the shell's history or the process list. One trailing line break is dropped.
 */
public final class EncryptValue {

	private EncryptValue() {
	}

	public static void main(String[] args) throws IOException {
		System.exit(run(args, System.getenv("HARDENED_CONFIG_KEY"), System.in, System.out, System.err));
	}

	static int run(String[] args, String keyVariable, java.io.InputStream in, PrintStream out, PrintStream err)
			throws IOException {
		if (args.length == 1 && args[0].equals("--generate-key")) {
			out.println(ConfigCipher.generateKey());
			return 0;
		}
		String key = keyVariable;
		if (args.length == 2 && args[0].equals("--key-file")) {
			key = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
		}
		else if (args.length != 0) {
			err.println("Usage: EncryptValue [--generate-key | --key-file <file>] < value");
			return 2;
		}
		if (key == null || key.isBlank()) {
			err.println("No key: set HARDENED_CONFIG_KEY or pass --key-file <file>.");
			return 2;
		}
		String value = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
			.reduce((first, second) -> first + "\n" + second)
			.orElse("");
		out.println(ConfigCipher.fromBase64(key).encrypt(value));
		return 0;
	}

}
