package dev.hardenedboot.core.requestid;

/**
 * Makes the id of a request that arrived without a usable {@code X-Request-ID}. Declare a
 * bean of this type to use your own scheme; ids should match
 * {@code [A-Za-z0-9._:-]{1,128}} so that they can be forwarded downstream.
 */
@FunctionalInterface
public interface RequestIdGenerator {

	String generate();

}
