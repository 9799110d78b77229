package com.solduel.solana;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A Solana keypair read from a Solana CLI keypair file (a JSON array of 64 bytes: the 32-byte
 * Ed25519 seed, then the public key). It signs; it never hands its secret out, and its
 * {@link #toString()} names its address only.
 */
public final class SolanaKeypair {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final int KEYPAIR_BYTES = 64;
    private static final int HALF = 32;

    private final String address;
    private final Ed25519PrivateKeyParameters secret;

    private SolanaKeypair(String address, Ed25519PrivateKeyParameters secret) {
        this.address = address;
        this.secret = secret;
    }

    /**
     * Reads {@code file}. {@link IOException} when it cannot be read; {@link IllegalArgumentException}
     * (saying what is wrong, never what is in it) when it is not a keypair whose halves match.
     */
    public static SolanaKeypair load(Path file) throws IOException {
        byte[] bytes = new byte[KEYPAIR_BYTES];
        try (Reader reader = Files.newBufferedReader(file);
             var json = JSON.createReader(reader)) {
            JsonArray array = json.readArray();
            if (array.size() != KEYPAIR_BYTES) {
                throw new IllegalArgumentException("it holds " + array.size() + " values, not 64");
            }
            for (int i = 0; i < KEYPAIR_BYTES; i++) {
                JsonValue value = array.get(i);
                if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.intValue() < 0 || n.intValue() > 255) {
                    throw new IllegalArgumentException("value " + i + " is not a byte");
                }
                bytes[i] = (byte) n.intValue();
            }
            Ed25519PrivateKeyParameters secret = new Ed25519PrivateKeyParameters(bytes, 0);
            byte[] publicKey = secret.generatePublicKey().getEncoded();
            if (!Arrays.equals(publicKey, Arrays.copyOfRange(bytes, HALF, KEYPAIR_BYTES))) {
                throw new IllegalArgumentException("its public half is not the key of its secret half");
            }
            return new SolanaKeypair(Base58.encode(publicKey), secret);
        } catch (jakarta.json.JsonException | ClassCastException e) {
            throw new IllegalArgumentException("it is not a JSON array of numbers");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** What went wrong when {@link #load} failed, for a log line: never the file's content. */
    public static String explain(Exception failure) {
        return failure instanceof IOException ? "cannot be read (" + failure.getClass().getSimpleName() + ")"
                : "is not a Solana CLI keypair (a JSON array of 64 bytes): " + failure.getMessage();
    }

    /** The address (base58 public key). */
    public String address() {
        return address;
    }

    /** An Ed25519 signature (64 bytes) of {@code message}. */
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, secret);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public String toString() {
        return "keypair " + address;
    }
}
