package com.solduel.auth;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Signs the server's JWTs (RS256, compact JWS). MicroProfile JWT only verifies tokens, so the
 * few lines that sign them live here, with the JDK's RSA; the private key comes from a file the
 * set-up (or a Kubernetes Secret) provides, never from the repository.
 */
public final class JwtIssuer {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    /** The PEM label of an unencrypted PKCS#8 key, as {@code openssl genpkey} writes it. */
    private static final String PKCS8_PEM_TYPE = "PRIVATE KEY";

    private final PrivateKey key;
    private final String issuer;
    private final String audience;

    public JwtIssuer(PrivateKey key, String issuer, String audience) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** Reads an unencrypted PKCS#8 PEM RSA key, as {@code openssl genpkey} writes it. */
    public static PrivateKey readPrivateKey(String pem) throws GeneralSecurityException {
        String header = "-----BEGIN " + PKCS8_PEM_TYPE + "-----";
        int begin = pem.indexOf(header);
        int end = pem.indexOf("-----END " + PKCS8_PEM_TYPE + "-----");
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException("no PKCS#8 private key found (expected a " + header + " block)");
        }
        String base64 = pem.substring(begin + header.length(), end).replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException notBase64) {
            throw new GeneralSecurityException("the private key PEM is not valid base64", notBase64);
        }
    }

    /** A token for {@code subject} (the wallet) in {@code groups}, valid from {@code now} until {@code expiresAt}. */
    public String issue(String subject, Set<String> groups, Instant now, Instant expiresAt) {
        String header = JSON.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString();
        JsonArrayBuilder groupArray = JSON.createArrayBuilder();
        groups.stream().sorted().forEach(groupArray::add);
        String payload = JSON.createObjectBuilder()
                .add("iss", issuer)
                .add("aud", audience)
                .add("sub", subject)
                .add("upn", subject)
                .add("groups", groupArray)
                .add("iat", now.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build()
                .toString();
        String signingInput = encode(header) + "." + encode(payload);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JWT signing failed: check the configured private key", e);
        }
    }

    private static String encode(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
