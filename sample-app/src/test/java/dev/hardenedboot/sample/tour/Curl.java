package dev.hardenedboot.sample.tour;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.lang.Nullable;

/**
 * The {@code curl} options the walkthrough uses, run with the JDK's HTTP client against the
 * application's real ports: {@code -i}, {@code -s}, {@code -X}, {@code -H}, {@code -d},
 * {@code -o /dev/null} and {@code -w} with {@code %{http_code}}. Anything else is refused,
 * so the document cannot drift into commands the test does not run.
 */
record Curl(String method, URI uri, List<String[]> headers, @Nullable String data, boolean include,
		boolean discardBody, @Nullable String writeOut) {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final Pattern LOCAL_URL = Pattern.compile("(?:http://)?localhost:(\\d+)(/.*)?");

	/**
	 * @param words the command's words, {@code curl} first
	 * @param ports maps the document's port (8080, 8081) to the running application's
	 * @return the request
	 */
	static Curl parse(List<String> words, IntUnaryOperator ports) {
		if (!words.get(0).equals("curl")) {
			throw new IllegalArgumentException("Not a curl command: " + words);
		}
		String method = null;
		URI uri = null;
		List<String[]> headers = new ArrayList<>();
		String data = null;
		boolean include = false;
		boolean discard = false;
		String writeOut = null;
		Iterator<String> args = words.subList(1, words.size()).iterator();
		while (args.hasNext()) {
			String arg = args.next();
			if (arg.startsWith("-") && !arg.startsWith("--") && arg.length() > 2 && arg.chars().skip(1)
				.allMatch((c) -> c == 's' || c == 'i' || c == 'S')) {
				include |= arg.indexOf('i') > 0;
				continue;
			}
			switch (arg) {
				case "-s", "-S", "--silent" -> {
				}
				case "-i", "--include" -> include = true;
				case "-X", "--request" -> method = args.next();
				case "-H", "--header" -> headers.add(args.next().split(":\\s*", 2));
				case "-d", "--data" -> data = args.next();
				case "-o" -> {
					if (!args.next().equals("/dev/null")) {
						throw new IllegalArgumentException("Only -o /dev/null is supported");
					}
					discard = true;
				}
				case "-w", "--write-out" -> writeOut = args.next();
				default -> {
					if (arg.startsWith("-") || uri != null) {
						throw new IllegalArgumentException("Unsupported curl argument '" + arg + "'");
					}
					Matcher url = LOCAL_URL.matcher(arg);
					if (!url.matches()) {
						throw new IllegalArgumentException("Only localhost URLs are supported: " + arg);
					}
					int port = ports.applyAsInt(Integer.parseInt(url.group(1)));
					uri = URI.create("http://127.0.0.1:" + port + ((url.group(2) != null) ? url.group(2) : "/"));
				}
			}
		}
		if (uri == null) {
			throw new IllegalArgumentException("No URL in " + words);
		}
		if (data != null && headers.stream().noneMatch((h) -> h[0].equalsIgnoreCase("Content-Type"))) {
			headers.add(new String[] { "Content-Type", "application/x-www-form-urlencoded" });
		}
		method = (method != null) ? method : ((data != null) ? "POST" : "GET");
		return new Curl(method, uri, headers, data, include, discard, writeOut);
	}

	Result execute() throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.uri)
			.timeout(Duration.ofSeconds(60))
			.method(this.method, (this.data != null) ? HttpRequest.BodyPublishers.ofString(this.data)
					: HttpRequest.BodyPublishers.noBody());
		for (String[] header : this.headers) {
			request.header(header[0], header[1]);
		}
		HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Result(this, response.statusCode(), response.headers().map(), response.body());
	}

	/**
	 * What the request got.
	 *
	 * @param curl the request
	 * @param status the status code
	 * @param headers the response headers
	 * @param body the body
	 */
	record Result(Curl curl, int status, Map<String, List<String>> headers, String body) {

		/**
		 * @return the output as curl prints it
		 */
		String printed() {
			StringBuilder out = new StringBuilder();
			if (this.curl.include()) {
				out.append("HTTP/1.1 ").append(this.status).append('\n');
				this.headers.forEach((name, values) -> values.forEach((value) -> out.append(name)
					.append(": ")
					.append(value)
					.append('\n')));
				out.append('\n');
			}
			if (!this.curl.discardBody()) {
				out.append(this.body);
			}
			if (this.curl.writeOut() != null) {
				out.append(this.curl.writeOut().replace("%{http_code}", String.valueOf(this.status))
					.replace("\\n", "\n"));
			}
			return out.toString();
		}

		@Nullable
		List<String> header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
		}

	}

}
