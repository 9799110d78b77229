package com.solduel.batch.backup.s3;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bucket of an S3-compatible store, path-style ({@code endpoint/bucket/key}), over the JDK's
 * HttpClient with SigV4: put a file (one PUT, its SHA-256 signed, Content-Length set, never
 * chunked), read an object back while hashing it, delete, list keys. A single PUT holds up to
 * 5 GiB on AWS S3; larger dumps would need multipart uploads, which this does not do.
 */
public final class S3Store {

    private static final Pattern KEY = Pattern.compile("<Key>([^<]*)</Key>");
    private static final Pattern TRUNCATED = Pattern.compile("<IsTruncated>true</IsTruncated>");
    private static final Pattern NEXT_TOKEN = Pattern.compile("<NextContinuationToken>([^<]*)</NextContinuationToken>");

    private final URI endpoint;
    private final String bucket;
    private final SigV4 signer;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public S3Store(URI endpoint, String bucket, String region, String accessKeyId, String secretAccessKey, Duration timeout, Clock clock) {
        this.endpoint = URI.create(endpoint.toString().replaceAll("/+$", ""));
        this.bucket = bucket;
        this.signer = new SigV4(accessKeyId, secretAccessKey, region, "s3");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Uploads a file whose SHA-256 (hex) is known; the store refuses it if the body does not hash to it (AWS does). */
    public void put(String key, Path file, String sha256Hex) throws IOException {
        HttpRequest request = signed("PUT", key, Map.of(), sha256Hex, Map.of("content-type", "application/octet-stream"))
                .PUT(HttpRequest.BodyPublishers.ofFile(file)).build();
        HttpResponse<String> answer = send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new S3Exception("PUT " + key, answer.statusCode(), answer.body());
        }
    }

    /** Reads an object back and answers its size and SHA-256 (hex), without keeping it. */
    public ObjectDigest digest(String key) throws IOException {
        return read(key, null);
    }

    /** Downloads an object into a file and answers its size and SHA-256 (hex). */
    public ObjectDigest download(String key, Path file) throws IOException {
        return read(key, file);
    }

    /** Deletes an object; deleting one that is not there is not an error (S3 answers 204 either way). */
    public void delete(String key) throws IOException {
        HttpResponse<String> answer = send(signed("DELETE", key, Map.of(), SigV4.EMPTY_SHA256, Map.of()).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2 && answer.statusCode() != 404) {
            throw new S3Exception("DELETE " + key, answer.statusCode(), answer.body());
        }
    }

    /** Every key under a prefix (ListObjectsV2, all pages). */
    public List<String> list(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("list-type", "2");
            query.put("prefix", prefix);
            if (token != null) {
                query.put("continuation-token", token);
            }
            HttpResponse<String> answer = send(signed("GET", null, query, SigV4.EMPTY_SHA256, Map.of()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new S3Exception("LIST " + prefix, answer.statusCode(), answer.body());
            }
            Matcher key = KEY.matcher(answer.body());
            while (key.find()) {
                keys.add(unescapeXml(key.group(1)));
            }
            Matcher next = NEXT_TOKEN.matcher(answer.body());
            token = TRUNCATED.matcher(answer.body()).find() && next.find() ? unescapeXml(next.group(1)) : null;
        } while (token != null);
        return keys;
    }

    private ObjectDigest read(String key, Path file) throws IOException {
        HttpResponse<InputStream> answer = send(signed("GET", key, Map.of(), SigV4.EMPTY_SHA256, Map.of()).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = answer.body()) {
            if (answer.statusCode() != 200) {
                throw new S3Exception("GET " + key, answer.statusCode(), new String(body.readNBytes(2_000), StandardCharsets.UTF_8));
            }
            MessageDigest sha256 = sha256();
            long size;
            try (DigestInputStream in = new DigestInputStream(body, sha256)) {
                size = file == null ? in.transferTo(java.io.OutputStream.nullOutputStream()) : Files.copy(in, file,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return new ObjectDigest(size, HexFormat.of().formatHex(sha256.digest()));
        }
    }

    private HttpRequest.Builder signed(String method, String key, Map<String, String> query, String payloadSha256,
                                       Map<String, String> extraHeaders) {
        String path = endpoint.getPath() + "/" + bucket + (key == null ? "" : "/" + key);
        String amzDate = SigV4.amzDate(clock.instant());
        String host = endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "");
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("host", host);
        headers.put("x-amz-date", amzDate);
        headers.put("x-amz-content-sha256", payloadSha256);
        String authorization = signer.authorization(method, path, query, headers, payloadSha256);
        String queryString = query.isEmpty() ? "" : "?" + SigV4.canonicalQuery(query);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint.getScheme() + "://" + host
                        + SigV4.encodePath(path) + queryString))
                .timeout(timeout)
                .header("Authorization", authorization);
        headers.forEach((name, value) -> {
            if (!name.equals("host")) {
                builder.header(name, value);
            }
        });
        return builder;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unescapeXml(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }

    /** An object's size in bytes and SHA-256 (hex) as read back from the store. */
    public record ObjectDigest(long size, String sha256) {
    }

    /** The store answered an error status. */
    public static final class S3Exception extends IOException {
        private final int status;

        S3Exception(String what, int status, String body) {
            super(what + " answered " + status + ": " + (body == null ? "" : body.length() > 500 ? body.substring(0, 500) : body));
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
