package dev.hardenedboot.data.query;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementLedgerTests {

	private final StatementLedger ledger = StatementLedger.open();

	@AfterEach
	void close() {
		this.ledger.close();
	}

	@Test
	void nothingRepeatedAtTheThreshold() {
		run("select a", 3);
		run("select b", 1);
		assertThat(this.ledger.repeatedAbove(3)).isEmpty();
		assertThat(this.ledger.total()).isEqualTo(4);
	}

	@Test
	void shapesAboveTheThresholdMostFrequentFirst() {
		run("select a", 4);
		run("select b", 7);
		run("select c", 2);
		this.ledger.addTime("select b", 12);
		assertThat(this.ledger.repeatedAbove(3)).containsExactly(new StatementLedger.Repeated("select b", 7, 12),
				new StatementLedger.Repeated("select a", 4, 0));
	}

	@Test
	void aShapeCrossingTheThresholdLaterIsReported() {
		run("select a", 2);
		assertThat(this.ledger.repeatedAbove(2)).isEmpty();
		run("select a", 1);
		assertThat(this.ledger.repeatedAbove(2)).extracting(StatementLedger.Repeated::count).containsExactly(3);
	}

	@Test
	void nestedLedgerCountsApartAndRestoresTheOuterOne() {
		run("select a", 1);
		StatementLedger inner = StatementLedger.open();
		run("select b", 5);
		inner.close();
		assertThat(inner.repeatedAbove(3)).extracting(StatementLedger.Repeated::shape).containsExactly("select b");
		assertThat(StatementLedger.current()).isSameAs(this.ledger);
		assertThat(this.ledger.total()).isEqualTo(1);
	}

	private static void run(String shape, int times) {
		for (int i = 0; i < times; i++) {
			StatementLedger.current().count(shape);
		}
	}

}
