package org.aidmatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.aidmatch.contracts.json.EventJson;
import tools.jackson.databind.JsonNode;

/** A real HTTP client for one service, speaking JSON with an API key. */
public final class ApiClient {

    private static final Duration EXCHANGE_TIMEOUT = Duration.ofSeconds(45);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static ApiClient onPort(int port) {
        return new ApiClient("http://localhost:" + port);
    }

    /** A response, with its body parsed when it is JSON. */
    public record Response(int status, String contentType, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            return EventJson.mapper().readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** A name (an organisation's, with spaces and commas) as one path segment. */
    public static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public Response post(String path, String apiKey, String json) {
        return send(request(path, apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response get(String path, String apiKey) {
        return send(request(path, apiKey).GET());
    }

    public Response delete(String path, String apiKey) {
        return send(request(path, apiKey).DELETE());
    }

    /** Sends a request built by the caller, for the unusual cases (other content types, headers). */
    public Response send(HttpRequest.Builder request) {
        try {
            // A bound on the whole exchange, body included: the request timeout covers only the
            // wait for the headers, and a response broken after them would hang a test for ever.
            HttpResponse<String> response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .get(EXCHANGE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io
                    ? new UncheckedIOException(io)
                    : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no whole answer within " + EXCHANGE_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String apiKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (apiKey != null) {
            builder.header("X-Api-Key", apiKey);
        }
        return builder;
    }
}
