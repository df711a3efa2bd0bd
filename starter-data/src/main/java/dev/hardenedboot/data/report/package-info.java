/**
 * The data starter's contribution to the hardening report: the pool's derivation and the
 * JPA settings that take services down in production.
 */
@NonNullApi
package dev.hardenedboot.data.report;

import org.springframework.lang.NonNullApi;
