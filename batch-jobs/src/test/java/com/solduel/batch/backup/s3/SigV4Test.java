package com.solduel.batch.backup.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signing examples AWS publishes for S3 ("Signature Calculations for the Authorization Header",
 * Amazon S3 API Reference): the same key, date and requests must give the same signatures.
 */
class SigV4Test {

    private static final SigV4 AWS_EXAMPLE = new SigV4("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1", "s3");
    private static final String HOST = "examplebucket.s3.amazonaws.com";

    @Test
    void getObjectWithARangeSignsLikeAwsExample() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", HOST);
        headers.put("Range", "bytes=0-9");
        headers.put("x-amz-content-sha256", SigV4.EMPTY_SHA256);
        headers.put("x-amz-date", "20130524T000000Z");
        assertThat(AWS_EXAMPLE.authorization("GET", "/test.txt", Map.of(), headers, SigV4.EMPTY_SHA256)).isEqualTo(
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void putObjectWithAPayloadAndAnEncodedKeySignsLikeAwsExample() {
        String payloadSha256 = SigV4.sha256Hex("Welcome to Amazon S3.".getBytes(StandardCharsets.UTF_8));
        assertThat(payloadSha256).isEqualTo("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", HOST);
        headers.put("Date", "Fri, 24 May 2013 00:00:00 GMT");
        headers.put("x-amz-date", "20130524T000000Z");
        headers.put("x-amz-storage-class", "REDUCED_REDUNDANCY");
        headers.put("x-amz-content-sha256", payloadSha256);
        assertThat(AWS_EXAMPLE.authorization("PUT", "/test$file.text", Map.of(), headers, payloadSha256)).isEqualTo(
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                        + "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, "
                        + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }

    @Test
    void subresourceWithAnEmptyValueSignsLikeAwsLifecycleExample() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", HOST);
        headers.put("x-amz-date", "20130524T000000Z");
        headers.put("x-amz-content-sha256", SigV4.EMPTY_SHA256);
        assertThat(AWS_EXAMPLE.authorization("GET", "/", Map.of("lifecycle", ""), headers, SigV4.EMPTY_SHA256))
                .endsWith("Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
    }

    @Test
    void listObjectsWithSortedQueryParametersSignsLikeAwsExample() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", HOST);
        headers.put("x-amz-date", "20130524T000000Z");
        headers.put("x-amz-content-sha256", SigV4.EMPTY_SHA256);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("prefix", "J");
        query.put("max-keys", "2");
        assertThat(AWS_EXAMPLE.authorization("GET", "/", query, headers, SigV4.EMPTY_SHA256))
                .endsWith("Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
        assertThat(SigV4.canonicalQuery(query)).isEqualTo("max-keys=2&prefix=J");
    }

    @Test
    void pathSegmentsAreEncodedOnceAndSlashesKept() {
        assertThat(SigV4.encodePath("/bucket/sol-duel/2026/11/30/a b+c~d.dump")).isEqualTo("/bucket/sol-duel/2026/11/30/a%20b%2Bc~d.dump");
        assertThat(SigV4.encode("a/b=c")).isEqualTo("a%2Fb%3Dc");
    }
}
