package com.solduel.batch.backup.s3;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for S3 requests signed in the {@code Authorization} header, in plain JDK
 * (checked against AWS's published S3 examples, SigV4Test). The payload is always hashed in full
 * ({@code x-amz-content-sha256} = its SHA-256): no chunked, streaming signature, so a server that
 * mishandles {@code aws-chunked} bodies cannot corrupt an upload.
 */
public final class SigV4 {

    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private final String accessKeyId;
    private final byte[] secret;
    private final String region;
    private final String service;

    public SigV4(String accessKeyId, String secretAccessKey, String region, String service) {
        this.accessKeyId = accessKeyId;
        this.secret = ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8);
        this.region = region;
        this.service = service;
    }

    /** {@code x-amz-date} for an instant. */
    public static String amzDate(Instant at) {
        return AMZ_DATE.format(at);
    }

    /**
     * The {@code Authorization} header value. {@code headers} are every header to sign (at least
     * host, x-amz-date and x-amz-content-sha256), names in any case; {@code query} the decoded
     * query parameters; {@code path} the decoded object path ({@code /bucket/key}).
     */
    public String authorization(String method, String path, Map<String, String> query, Map<String, String> headers,
                                String payloadSha256) {
        Map<String, String> canonicalHeaders = new TreeMap<>();
        headers.forEach((name, value) -> canonicalHeaders.put(name.toLowerCase(Locale.ROOT), value.trim().replaceAll(" +", " ")));
        String signedHeaders = String.join(";", canonicalHeaders.keySet());
        String amzDate = canonicalHeaders.get("x-amz-date");
        if (amzDate == null) {
            throw new IllegalArgumentException("x-amz-date must be signed");
        }
        String canonicalRequest = method + "\n"
                + encodePath(path) + "\n"
                + canonicalQuery(query) + "\n"
                + canonicalHeaders.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n").collect(Collectors.joining())
                + "\n"
                + signedHeaders + "\n"
                + payloadSha256;
        String date = amzDate.substring(0, 8);
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(hmac(hmac(hmac(secret, date), region), service), "aws4_request");
        String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
        return ALGORITHM + " Credential=" + accessKeyId + "/" + scope + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    }

    /** The query string as signed (and as sent): names and values encoded, sorted. */
    public static String canonicalQuery(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .sorted()
                .collect(Collectors.joining("&"));
    }

    /** Each path segment URI-encoded once (S3 does not double-encode), slashes kept. */
    public static String encodePath(String path) {
        return java.util.Arrays.stream(path.split("/", -1)).map(SigV4::encode).collect(Collectors.joining("/"));
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters, as SigV4 wants. */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
