package dev.hardenedboot.benchmarks.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The one application class of every benchmark variant. A variant is this class plus the
 * dependencies of its module: nothing (plain Boot), a hand-wired stack, or Hardened Boot.
 */
@SpringBootApplication
@EnableConfigurationProperties(BenchProperties.class)
public class BenchApplication {

	public static void main(String[] args) {
		SpringApplication.run(BenchApplication.class, args);
	}

}
