/**
 * The connection pool sized for its declared workload and its server, with connection
 * lifetimes kept below the server's own idle timeouts.
 */
@NonNullApi
package dev.hardenedboot.data.pool;

import org.springframework.lang.NonNullApi;
