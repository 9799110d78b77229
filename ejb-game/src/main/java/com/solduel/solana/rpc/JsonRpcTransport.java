package com.solduel.solana.rpc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * JSON-RPC 2.0 over HTTP POST to one endpoint, with the JDK HttpClient and JSON-P, and the
 * distinction the pool depends on: a transport failure ({@link RpcTransportException}) versus a
 * JSON-RPC error answer ({@link JsonRpcErrorException}).
 *
 * <p>Why not solanaj's {@code RpcClient} for the wire: it sends {@code skipPreflight=true} by
 * default (a doomed transaction is broadcast instead of refused), its {@code RpcException} drops
 * the error code and data (so "Blockhash not found" cannot be told from a dead node), it sends
 * upper-case commitments that nodes reject, returns lamports as doubles, has no signature-status
 * {@code err}, and hides a 20 s read timeout inside OkHttp where Fault Tolerance cannot see it.
 * solanaj stays in use for keys, transactions and signing.
 */
@ApplicationScoped
public class JsonRpcTransport {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * Posts {@code request} and waits for the answer, at most {@code timeout} (a backstop: under
     * Fault Tolerance the lane's {@code @Timeout} interrupts the wait first). Returns the response
     * object, whose {@code result} member is present.
     */
    public JsonObject post(URI endpoint, JsonRpcRequest request, Duration timeout) {
        HttpResponse<String> response;
        try {
            response = http.send(httpRequest(endpoint, request, timeout), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcTransportException(RpcTransportException.Kind.INTERRUPTED, endpoint,
                    request.method() + " interrupted while waiting for the answer", e);
        } catch (IOException e) {
            throw ioFailure(endpoint, request, timeout, e);
        }
        return interpret(endpoint, request, response);
    }

    /** Like {@link #post} without blocking; the future fails with the same exceptions. */
    public CompletableFuture<JsonObject> postAsync(URI endpoint, JsonRpcRequest request, Duration timeout) {
        return http.sendAsync(httpRequest(endpoint, request, timeout), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        throw cause instanceof IOException io
                                ? ioFailure(endpoint, request, timeout, io)
                                : new RpcTransportException(RpcTransportException.Kind.IO, endpoint,
                                        request.method() + " failed: " + cause, cause);
                    }
                    return interpret(endpoint, request, response);
                });
    }

    private static HttpRequest httpRequest(URI endpoint, JsonRpcRequest request, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        if ("http".equalsIgnoreCase(endpoint.getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance with plain-HTTP nodes
        }
        return builder.build();
    }

    private static RpcTransportException ioFailure(URI endpoint, JsonRpcRequest request, Duration timeout,
                                                   IOException e) {
        if (e instanceof HttpTimeoutException) {
            return new RpcTransportException(RpcTransportException.Kind.TIMEOUT, endpoint,
                    request.method() + " got no answer within " + timeout.toMillis() + " ms", e);
        }
        return new RpcTransportException(RpcTransportException.Kind.IO, endpoint,
                request.method() + " failed: " + e, e);
    }

    static JsonObject interpret(URI endpoint, JsonRpcRequest request, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 429) {
            throw new RpcTransportException(RpcTransportException.Kind.HTTP_429, endpoint, request.method()
                    + " answered HTTP 429: rate limited" + response.headers().firstValue("Retry-After")
                            .map(seconds -> ", retry after " + seconds + " s").orElse(""));
        }
        if (status != 200) {
            RpcTransportException.Kind kind = status >= 500 ? RpcTransportException.Kind.HTTP_5XX
                    : RpcTransportException.Kind.HTTP_STATUS;
            throw new RpcTransportException(kind, endpoint, request.method() + " answered HTTP " + status
                    + excerpt(response.body()));
        }
        JsonObject body;
        try (var reader = JSON.createReader(new StringReader(response.body()))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw badResponse(endpoint, request, "not a JSON object", response.body());
            }
            body = value.asJsonObject();
        } catch (JsonException e) {
            throw badResponse(endpoint, request, "not JSON", response.body());
        }
        JsonValue id = body.get("id");
        if (!(id instanceof JsonNumber number && number.longValue() == request.id())) {
            throw badResponse(endpoint, request, "answers id " + id + ", not " + request.id(), response.body());
        }
        JsonValue error = body.get("error");
        if (error != null && error.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject err = error.asJsonObject();
            int code = err.get("code") instanceof JsonNumber c ? c.intValue() : 0;
            String message = err.get("message") instanceof JsonString m ? m.getString() : String.valueOf(err);
            throw new JsonRpcErrorException(request.method(), code, message, err.get("data"));
        }
        if (!body.containsKey("result")) {
            throw badResponse(endpoint, request, "has neither result nor error", response.body());
        }
        return body;
    }

    private static RpcTransportException badResponse(URI endpoint, JsonRpcRequest request, String what, String body) {
        return new RpcTransportException(RpcTransportException.Kind.BAD_RESPONSE, endpoint,
                request.method() + " answer is " + what + excerpt(body));
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() > 80 ? flat.substring(0, 80) + "…" : flat);
    }
}
