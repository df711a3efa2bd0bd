package dev.hardenedboot.benchmarks.service;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The endpoints the benchmarks drive. Each writes one INFO line per request.
 * <ul>
 * <li>{@code GET /hello}: a small JSON, no I/O (the per-request cost of the stack);</li>
 * <li>{@code GET /hello/db}: one PostgreSQL query by primary key;</li>
 * <li>{@code GET /hello/chain}: one query, then a call to the dependency through a
 * {@link RestClient} from Boot's builder, so it gets whatever the variant's stack adds to
 * outbound calls (the overload scenario).</li>
 * </ul>
 */
@RestController
class HelloController {

	private static final Logger logger = LoggerFactory.getLogger(HelloController.class);

	/** Rows in {@code bench_greeting} (bench-schema.sql). */
	private static final int ROWS = 100;

	private static final String QUERY = "select text from bench_greeting where id = ?";

	private final AtomicLong requests = new AtomicLong();

	private final Greeter greeter;

	private final JdbcClient jdbc;

	private final RestClient dependency;

	HelloController(ObjectProvider<Greeter> greeter, JdbcClient jdbc, RestClient.Builder builder,
			BenchProperties properties) {
		this.greeter = greeter.getIfAvailable(() -> Greeter.SIMPLE);
		this.jdbc = jdbc;
		this.dependency = builder.baseUrl(properties.getDependencyUrl().toString()).build();
	}

	@GetMapping("/hello")
	Greeting hello() {
		String name = "world";
		Greeting greeting = this.greeter.greet(name);
		logger.info("Greeted {}", name);
		return greeting;
	}

	@GetMapping("/hello/db")
	Greeting helloFromDatabase() {
		long id = nextRow();
		String text = this.jdbc.sql(QUERY).param(id).query(String.class).single();
		logger.info("Greeted from row {}", id);
		return new Greeting(text);
	}

	/**
	 * Passes the dependency's {@code Warning} header on: a stale-if-error copy carries
	 * {@code Warning: 110}, and the overload scenario counts fresh and stale answers apart.
	 * @return the greeting and the quote
	 */
	@GetMapping("/hello/chain")
	ResponseEntity<ChainedGreeting> helloWithQuote() {
		long id = nextRow();
		String text = this.jdbc.sql(QUERY).param(id).query(String.class).single();
		ResponseEntity<Quote> quote = this.dependency.get().uri("/quote").retrieve().toEntity(Quote.class);
		logger.info("Greeted from row {} with a quote", id);
		long cents = (quote.getBody() != null) ? quote.getBody().cents() : 0;
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		String warning = quote.getHeaders().getFirst(HttpHeaders.WARNING);
		if (warning != null) {
			response.header(HttpHeaders.WARNING, warning);
		}
		return response.body(new ChainedGreeting(text, cents));
	}

	private long nextRow() {
		return 1 + (this.requests.getAndIncrement() % ROWS);
	}

}
