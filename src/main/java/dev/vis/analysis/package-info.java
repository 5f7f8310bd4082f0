/**
 * Analysis of answers (SPEC §6): brand matching, position and list rank, citations with domain
 * attribution, and the visibility metrics with their intervals.
 */
package dev.vis.analysis;
