/**
 * The tiny service that every benchmark variant runs.
 */
@NonNullApi
package dev.hardenedboot.benchmarks.service;

import org.springframework.lang.NonNullApi;
