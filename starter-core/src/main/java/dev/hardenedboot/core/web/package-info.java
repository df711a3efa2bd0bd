/**
 * What Hardened Boot's servlet-side features share: the filter order.
 */
@NonNullApi
package dev.hardenedboot.core.web;

import org.springframework.lang.NonNullApi;
