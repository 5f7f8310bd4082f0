package dev.vis.spec;

/** A value read from a spec together with the place it was written. */
record Located<T>(T value, Where where) {}
