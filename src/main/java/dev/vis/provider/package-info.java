/**
 * Model providers: one class per wire format behind {@link dev.vis.provider.Provider}, each
 * classifying its own errors into retryable and final.
 */
package dev.vis.provider;
