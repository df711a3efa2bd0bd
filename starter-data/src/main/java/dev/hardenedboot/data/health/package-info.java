/**
 * Health contributors for data stores: {@code db} through the pool with a bounded
 * {@code isValid}, and the deep checks {@code writableTables}, {@code databaseReadOnly} and
 * {@code hikariPool}.
 */
@NonNullApi
package dev.hardenedboot.data.health;

import org.springframework.lang.NonNullApi;
