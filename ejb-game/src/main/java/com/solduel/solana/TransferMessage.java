package com.solduel.solana;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A legacy Solana transaction of two instructions: a System Program transfer of {@code lamports}
 * from {@code source} to {@code destination}, and a Memo (v2) with {@code memo} signed by the
 * source. The fee payer is the source itself (one signature) or another account (two signatures:
 * fee payer first, then source). Built here byte by byte (the wire format is small and fixed) so
 * that signing is Ed25519 over {@link #message()}, with no second library in the money path.
 * SolanaRpcLocalnetTest sends both forms to the localnet and reads them back.
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
    private final int signers;

    private TransferMessage(byte[] message, int signers) {
        this.message = message;
        this.signers = signers;
    }

    /** The message to sign, the source paying its own fee. Addresses and the blockhash are base58; the memo is UTF-8. */
    public static TransferMessage of(String payer, String destination, long lamports, String memo, String blockhash) {
        return of(payer, payer, destination, lamports, memo, blockhash);
    }

    /**
     * The message to sign: {@code feePayer} pays the network fee (and signs first), {@code source}
     * gives the lamports (and signs the memo). The memo is UTF-8, at most 566 bytes.
     */
    public static TransferMessage of(String feePayer, String source, String destination, long lamports, String memo,
                                     String blockhash) {
        if (lamports <= 0) {
            throw new IllegalArgumentException("a transfer moves at least 1 lamport, not " + lamports);
        }
        byte[] payer = key(feePayer, "fee payer");
        byte[] from = key(source, "source");
        byte[] to = key(destination, "destination");
        boolean separatePayer = !java.util.Arrays.equals(payer, from);
        if (java.util.Arrays.equals(from, to) || java.util.Arrays.equals(payer, to)) {
            throw new IllegalArgumentException("a transfer to its own source or fee payer is not a payout");
        }
        byte[] memoBytes = memo.getBytes(StandardCharsets.UTF_8);
        if (memoBytes.length > 500) {
            throw new IllegalArgumentException("a memo of " + memoBytes.length + " bytes does not fit a transaction");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(320 + memoBytes.length);
        // header: the signers (writable), none read-only signed, 2 read-only unsigned (the two programs)
        int signers = separatePayer ? 2 : 1;
        out.write(signers);
        out.write(0);
        out.write(2);
        shortVec(out, signers + 3);
        if (separatePayer) {
            out.writeBytes(payer);
        }
        out.writeBytes(from);
        out.writeBytes(to);
        out.writeBytes(key(SYSTEM_PROGRAM, "system program"));
        out.writeBytes(key(MEMO_PROGRAM, "memo program"));
        out.writeBytes(key(blockhash, "blockhash"));
        int sourceIndex = signers - 1;
        shortVec(out, 2);
        // transfer: accounts [source, destination], data u32 2 + u64 lamports
        out.write(signers + 1);
        shortVec(out, 2);
        out.write(sourceIndex);
        out.write(signers);
        byte[] data = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(TRANSFER).putLong(lamports).array();
        shortVec(out, data.length);
        out.writeBytes(data);
        // memo: signer account [source] (the Memo program checks it signed), data the memo
        out.write(signers + 2);
        shortVec(out, 1);
        out.write(sourceIndex);
        shortVec(out, memoBytes.length);
        out.writeBytes(memoBytes);
        return new TransferMessage(out.toByteArray(), signers);
    }

    /** The bytes the payer signs. */
    public byte[] message() {
        return message.clone();
    }

    /**
     * The signed transaction on the wire: the signatures (fee payer first, then the source when it
     * is another account), then the message. Its id is the first signature.
     */
    @SafeVarargs
    public final Signed sign(UnaryOperator<byte[]>... signersInOrder) {
        if (signersInOrder.length != signers) {
            throw new IllegalArgumentException("this transfer needs " + signers + " signature(s), got " + signersInOrder.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 + signers * SIGNATURE_BYTES + message.length);
        shortVec(out, signers);
        String first = null;
        for (UnaryOperator<byte[]> signer : signersInOrder) {
            byte[] signature = signer.apply(message.clone());
            if (signature == null || signature.length != SIGNATURE_BYTES) {
                throw new IllegalStateException("an Ed25519 signature is 64 bytes");
            }
            first = first == null ? Base58.encode(signature) : first;
            out.writeBytes(signature);
        }
        out.writeBytes(message);
        return new Signed(first, out.toByteArray());
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
