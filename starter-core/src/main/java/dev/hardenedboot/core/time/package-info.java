/**
 * Time: the application's UTC clock.
 */
@NonNullApi
package dev.hardenedboot.core.time;

import org.springframework.lang.NonNullApi;
