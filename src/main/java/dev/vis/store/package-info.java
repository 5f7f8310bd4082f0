/**
 * Storage of runs, tasks, raw answers and their analysis: a {@link dev.vis.store.Store} interface
 * with SQLite (WAL, Jdbi) behind it, schema versioned by forward migrations.
 */
package dev.vis.store;
