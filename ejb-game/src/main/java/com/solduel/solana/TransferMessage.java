package com.solduel.solana;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A legacy Solana transaction of two instructions, signed by its one fee payer: a System Program
 * transfer of {@code lamports} from the payer to {@code destination}, and a Memo (v2) with
 * {@code memo}. Built here byte by byte (the wire format is small and fixed) so that signing is one
 * Ed25519 signature over {@link #message()}, with no second library in the money path.
 * TransferMessageTest checks the bytes against solanaj's own serialization.
 */
public final class TransferMessage {

    /** The System Program (all zeros). */
    public static final String SYSTEM_PROGRAM = "11111111111111111111111111111111";
    /** SPL Memo v2. */
    public static final String MEMO_PROGRAM = "MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr";
    private static final int TRANSFER = 2;
    private static final int KEY_BYTES = 32;
    private static final int SIGNATURE_BYTES = 64;

    private final byte[] message;

    private TransferMessage(byte[] message) {
        this.message = message;
    }

    /** The message to sign. Addresses and the blockhash are base58; the memo is UTF-8, at most 566 bytes. */
    public static TransferMessage of(String payer, String destination, long lamports, String memo, String blockhash) {
        if (lamports <= 0) {
            throw new IllegalArgumentException("a transfer moves at least 1 lamport, not " + lamports);
        }
        byte[] from = key(payer, "payer");
        byte[] to = key(destination, "destination");
        if (java.util.Arrays.equals(from, to)) {
            throw new IllegalArgumentException("a transfer to its own payer moves nothing");
        }
        byte[] memoBytes = memo.getBytes(StandardCharsets.UTF_8);
        if (memoBytes.length > 566) {
            throw new IllegalArgumentException("a memo of " + memoBytes.length + " bytes does not fit a transaction");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + memoBytes.length);
        // header: 1 signature required, 0 read-only signed, 2 read-only unsigned (the two programs)
        out.write(1);
        out.write(0);
        out.write(2);
        shortVec(out, 4);
        out.writeBytes(from);
        out.writeBytes(to);
        out.writeBytes(key(SYSTEM_PROGRAM, "system program"));
        out.writeBytes(key(MEMO_PROGRAM, "memo program"));
        out.writeBytes(key(blockhash, "blockhash"));
        shortVec(out, 2);
        // transfer: program 2, accounts [payer 0, destination 1], data u32 2 + u64 lamports
        out.write(2);
        shortVec(out, 2);
        out.write(0);
        out.write(1);
        byte[] data = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(TRANSFER).putLong(lamports).array();
        shortVec(out, data.length);
        out.writeBytes(data);
        // memo: program 3, signer account [payer 0] (the Memo program checks it signed), data the memo
        out.write(3);
        shortVec(out, 1);
        out.write(0);
        shortVec(out, memoBytes.length);
        out.writeBytes(memoBytes);
        return new TransferMessage(out.toByteArray());
    }

    /** The bytes the payer signs. */
    public byte[] message() {
        return message.clone();
    }

    /** The signed transaction on the wire: one signature, then the message. */
    public Signed sign(UnaryOperator<byte[]> signer) {
        byte[] signature = signer.apply(message.clone());
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            throw new IllegalStateException("an Ed25519 signature is 64 bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 + SIGNATURE_BYTES + message.length);
        shortVec(out, 1);
        out.writeBytes(signature);
        out.writeBytes(message);
        return new Signed(Base58.encode(signature), out.toByteArray());
    }

    /** A signed transaction: its signature (the transaction's id, base58) and its wire bytes. */
    public record Signed(String signature, byte[] wire) {
    }

    private static byte[] key(String base58, String what) {
        byte[] key;
        try {
            key = Base58.decode(base58);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the " + what + " is not base58: " + base58);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the " + what + " is " + key.length + " bytes, not 32: " + base58);
        }
        return key;
    }

    /** Solana's compact-u16 length prefix. */
    private static void shortVec(ByteArrayOutputStream out, int value) {
        int rest = value;
        while (true) {
            int low = rest & 0x7f;
            rest >>>= 7;
            if (rest == 0) {
                out.write(low);
                return;
            }
            out.write(low | 0x80);
        }
    }
}
