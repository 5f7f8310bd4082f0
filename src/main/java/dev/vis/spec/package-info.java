/** The run spec: the YAML model of SPEC §2, its loading with located errors, and its validation. */
package dev.vis.spec;
