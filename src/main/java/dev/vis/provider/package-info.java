/**
 * Model providers: one class per wire format behind {@link dev.vis.provider.Provider}, each sending
 * through the one HTTP path ({@link dev.vis.provider.JsonPost}) and refining the one status
 * classifier ({@link dev.vis.provider.ProviderErrors}) with its own error bodies; built by {@link
 * dev.vis.provider.ProviderFactory} and priced by {@link dev.vis.provider.PriceTable} from the
 * dated {@code prices.yaml}; {@link dev.vis.provider.SimProvider} is the built-in simulated model.
 */
package dev.vis.provider;
