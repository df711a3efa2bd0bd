/**
 * datasource-proxy installed beneath each HikariCP pool, so Hardened Boot's statement
 * listeners see every statement while the pool keeps its type, metrics and MBeans.
 */
@NonNullApi
package dev.hardenedboot.data.jdbc;

import org.springframework.lang.NonNullApi;
