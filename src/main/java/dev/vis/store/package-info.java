/**
 * Storage of runs, tasks, raw answers and their analysis: a {@link dev.vis.store.Store} interface,
 * opened by {@link dev.vis.store.Stores}, with SQLite (WAL, Jdbi) behind it, schema versioned by
 * forward migrations. SQL lives in the query and write classes only.
 */
package dev.vis.store;
