package dev.vis.spec;

import java.util.Arrays;
import java.util.Optional;

/** The wire formats vis speaks, with their default endpoint and API key variable. */
public enum ProviderType {
  OPENAI("openai", "https://api.openai.com/v1", "OPENAI_API_KEY"),
  ANTHROPIC("anthropic", "https://api.anthropic.com/v1", "ANTHROPIC_API_KEY"),
  GEMINI("gemini", "https://generativelanguage.googleapis.com/v1beta", "GEMINI_API_KEY"),
  PERPLEXITY("perplexity", "https://api.perplexity.ai", "PERPLEXITY_API_KEY"),
  XAI("xai", "https://api.x.ai/v1", "XAI_API_KEY"),
  OPENAI_COMPATIBLE("openai-compatible", null, "OPENAI_API_KEY"),
  SIM("sim", null, null);

  private final String id;
  private final BaseUrl defaultBaseUrl;
  private final String defaultApiKeyEnv;

  ProviderType(String id, String defaultBaseUrl, String defaultApiKeyEnv) {
    this.id = id;
    this.defaultBaseUrl = defaultBaseUrl == null ? null : new BaseUrl(defaultBaseUrl);
    this.defaultApiKeyEnv = defaultApiKeyEnv;
  }

  /** The name used in specs ({@code openai-compatible}). */
  public String id() {
    return id;
  }

  public Optional<BaseUrl> defaultBaseUrl() {
    return Optional.ofNullable(defaultBaseUrl);
  }

  public Optional<String> defaultApiKeyEnv() {
    return Optional.ofNullable(defaultApiKeyEnv);
  }

  public static Optional<ProviderType> byId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }
}
