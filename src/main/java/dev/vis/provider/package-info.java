/**
 * Model providers: one class per wire format behind {@link dev.vis.provider.Provider}, each
 * classifying its own errors into retryable and final, built by {@link
 * dev.vis.provider.ProviderFactory} and priced by {@link dev.vis.provider.PriceTable}; {@link
 * dev.vis.provider.SimProvider} is the built-in simulated model.
 */
package dev.vis.provider;
