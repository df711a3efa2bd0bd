/**
 * Every JDBC statement and transaction bounded by the request's deadline, and database
 * failures answered as problems a client can act on.
 */
@NonNullApi
package dev.hardenedboot.data.statement;

import org.springframework.lang.NonNullApi;
