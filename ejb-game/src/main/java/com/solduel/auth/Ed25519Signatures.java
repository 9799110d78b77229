package com.solduel.auth;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 verification of wallet signatures. BouncyCastle's verifier, because it measured
 * about six times faster than the JDK's here and needs no X.509 wrapping of the raw key.
 */
public final class Ed25519Signatures {

    /** Ed25519 signatures are 64 bytes. */
    public static final int SIGNATURE_BYTES = 64;
    private static final int KEY_BYTES = 32;

    private Ed25519Signatures() {
    }

    /** True when {@code signature} is a valid signature of {@code message} by {@code publicKey}. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != KEY_BYTES || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (IllegalArgumentException notACurvePoint) {
            return false;
        }
    }
}
