/**
 * Hibernate defaults for what the application leaves unset.
 */
@NonNullApi
package dev.hardenedboot.data.jpa;

import org.springframework.lang.NonNullApi;
