package dev.hardenedboot.resilience.retry;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The retry budget every resilience4j retry obeys, and the outbound HTTP retries with it: a
 * budget per retry instance, so retries never exceed a share of that instance's calls.
 */
@ConfigurationProperties("hardened.resilience.retry")
@Validated
public class RetryBudgetProperties {

	/**
	 * Whether every retry (resilience4j's Retry instances, @Retry methods, outbound HTTP
	 * retries) is bounded by a retry budget.
	 */
	private boolean budgetEnabled = true;

	/** Most retries per call, as a share of the calls: 0.1 allows 1 retry per 10 calls. */
	@DecimalMin("0.0")
	@DecimalMax("1.0")
	private double budgetRatio = 0.1;

	/**
	 * Retries allowed per second whatever the traffic, so a service with few calls can still
	 * retry now and then: 0.1 is one retry every ten seconds.
	 */
	@DecimalMin("0.0")
	private double budgetMinRetriesPerSecond = 0.1;

	/** Most retries a budget saves up during quiet times. */
	@Min(1)
	private int budgetMaxSaved = 10;

	public boolean isBudgetEnabled() {
		return this.budgetEnabled;
	}

	public void setBudgetEnabled(boolean budgetEnabled) {
		this.budgetEnabled = budgetEnabled;
	}

	public double getBudgetRatio() {
		return this.budgetRatio;
	}

	public void setBudgetRatio(double budgetRatio) {
		this.budgetRatio = budgetRatio;
	}

	public double getBudgetMinRetriesPerSecond() {
		return this.budgetMinRetriesPerSecond;
	}

	public void setBudgetMinRetriesPerSecond(double budgetMinRetriesPerSecond) {
		this.budgetMinRetriesPerSecond = budgetMinRetriesPerSecond;
	}

	public int getBudgetMaxSaved() {
		return this.budgetMaxSaved;
	}

	public void setBudgetMaxSaved(int budgetMaxSaved) {
		this.budgetMaxSaved = budgetMaxSaved;
	}

}
