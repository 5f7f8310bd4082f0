package dev.vis.provider;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A 2xx response, with the errors of the provider that received it, to report what is wrong with
 * the answer inside. Its body is read by the wire format, as a tree ({@link #tree}) or in one
 * streaming pass ({@link #read}); either way a body that is not valid JSON, or not a JSON object,
 * is malformed.
 *
 * @param status the HTTP status
 * @param raw the body exactly as received
 * @param headers the response headers
 * @param errors the provider's errors
 */
record JsonReply(int status, String raw, HttpHeaders headers, ProviderErrors errors) {

  /** Reads a JSON object in one pass, from its opening token to its closing one. */
  @FunctionalInterface
  interface ObjectReader<T> {
    /**
     * @param json positioned on the object's {@code START_OBJECT}; must be left on its matching
     *     {@code END_OBJECT}, every value in between read or skipped (which checks its syntax)
     */
    T read(JsonParser json) throws IOException;
  }

  /** The body as a tree: a JSON object. */
  JsonNode tree() throws RetryableProviderException {
    return read(json -> ProviderJson.trees().readTree(json));
  }

  /**
   * The body read by {@code reader}.
   *
   * @throws RetryableProviderException when the body is not valid JSON or not a JSON object
   */
  <T> T read(ObjectReader<T> reader) throws RetryableProviderException {
    try (JsonParser json = ProviderJson.FACTORY.createParser(raw)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        // another value may still be broken JSON, which says more than "not an object"
        ProviderJson.trees().readTree(raw);
        throw malformed("a body that is not a JSON object");
      }
      return reader.read(json);
    } catch (JacksonException e) {
      throw malformed("a body that is not valid JSON");
    } catch (IOException e) {
      throw malformed("a body that is not valid JSON"); // a string source fails no other way
    }
  }

  /** A response header, when sent and not blank. */
  Optional<String> header(String name) {
    return headers.firstValue(name).filter(value -> !value.isBlank());
  }

  /** The body holds no usable answer, for {@code why}: a retryable failure keeping the body. */
  RetryableProviderException malformed(String why) {
    return errors.malformed(status, headers, raw, why);
  }

  /** The model spent its {@code max_tokens} before writing any text: a final failure. */
  FinalProviderException outOfTokens(OptionalInt maxTokens) {
    return errors.outOfTokens(status, raw, maxTokens);
  }
}
