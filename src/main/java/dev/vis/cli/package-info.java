/**
 * The command line: picocli commands and mixins that parse, call the engine or store, and print.
 */
package dev.vis.cli;
