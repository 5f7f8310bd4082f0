/**
 * Execution of runs: a structured task scope on virtual threads, concurrency gates, Failsafe
 * retries with server-given delays, and the single writer that commits answers as they arrive.
 */
package dev.vis.engine;
