package com.solduel.game.verify;

import com.solduel.game.rules.GameOptions;
import com.solduel.game.rules.GameSetup;
import com.solduel.game.rules.GameType;
import com.solduel.game.rules.LoggedAction;
import com.solduel.game.rules.Match;
import com.solduel.game.rules.PerSeat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A SHA-256 hash chain over a game's header and action log. The server shows it to both players
 * after each resolved turn and at the end, so a player can tell that an export is the game they
 * played: a changed, dropped or reordered action changes the digest.
 *
 * <pre>
 * str(s)  = u32(len(utf8(s))) ‖ utf8(s)
 * h0      = SHA-256(u64(gameId) ‖ str(gameType) ‖ u32(rulesVersion) ‖ u32(bestOf)
 *                   ‖ str(serverSeedSha256) ‖ str(clientSeedP1) ‖ str(clientSeedP2))
 * h(i)    = SHA-256(h(i-1) ‖ u32(seq) ‖ str(seat) ‖ u32(turn) ‖ str(action) ‖ u8(timedOut ? 1 : 0))
 * digest  = lowercase hex of h(n)
 * </pre>
 * Integers are unsigned big-endian; the commitment is hashed as its lowercase hex text.
 * Only publish it after a turn resolves: mid-turn it would let the opponent test the three
 * possible hidden choices.
 */
public final class ActionLogDigest {

    private static final HexFormat HEX = HexFormat.of();

    private ActionLogDigest() {
    }

    /** The digest of a match's log so far. */
    public static String of(Match<?> match) {
        return HEX.formatHex(hash(header(match), match.log(), 0));
    }

    /** {@code h0} of a match. */
    private static byte[] header(Match<?> match) {
        var setup = match.setup();
        return header(setup.gameId(), setup.type(), match.rules().version(), setup.options(),
                setup.serverSeed().sha256Hex(), setup.clientSeeds().map(c -> c.value()));
    }

    /**
     * The digest of one game's growing log, each entry hashed once: {@link #of(Match)} of each
     * later state of the match, without hashing the chain again from {@code h0}. Not thread-safe:
     * its owner guards it as it guards the match.
     */
    public static final class Chain {
        private GameSetup setup;
        private byte[] head;
        private int length;
        private LoggedAction last;

        /** {@link ActionLogDigest#of(Match)} of {@code match}, a later state of the match this chain hashed before. */
        public String of(Match<?> match) {
            List<LoggedAction> log = match.log();
            boolean grown = head != null && match.setup().equals(setup) && log.size() >= length
                    && (length == 0 || log.get(length - 1).equals(last));
            if (!grown) {
                // First use, or a log that is not the one hashed so far grown: hashed from h0.
                setup = match.setup();
                head = header(match);
                length = 0;
            }
            head = hash(head, log, length);
            length = log.size();
            last = length == 0 ? null : log.get(length - 1);
            return HEX.formatHex(head);
        }
    }

    /** The digest of an export's header and log, as the export states them. */
    public static String of(GameExport export) {
        return of(export.gameId(), export.gameType(), export.rulesVersion(), export.options(),
                export.serverSeedSha256(), export.clientSeeds(), export.actions());
    }

    /** The digest of the given header and log. */
    public static String of(long gameId, GameType type, int rulesVersion, GameOptions options,
                            String serverSeedSha256, PerSeat<String> clientSeeds, List<LoggedAction> log) {
        return HEX.formatHex(hash(header(gameId, type, rulesVersion, options, serverSeedSha256, clientSeeds), log, 0));
    }

    /** {@code h0}. */
    private static byte[] header(long gameId, GameType type, int rulesVersion, GameOptions options,
                                 String serverSeedSha256, PerSeat<String> clientSeeds) {
        return new Bytes()
                .u64(gameId)
                .str(type.name())
                .u32(rulesVersion)
                .u32(options.bestOf())
                .str(serverSeedSha256.toLowerCase(Locale.ROOT))
                .str(clientSeeds.p1())
                .str(clientSeeds.p2())
                .sha256();
    }

    /** The chain from {@code hash} (the link before entry {@code from} of {@code log}) over the rest of the log. */
    private static byte[] hash(byte[] hash, List<LoggedAction> log, int from) {
        for (int i = from; i < log.size(); i++) {
            hash = next(hash, log.get(i));
        }
        return hash;
    }

    /** The next link of the chain: {@code h(i)} from {@code h(i-1)} and entry {@code i}. */
    public static byte[] next(byte[] previous, LoggedAction entry) {
        return new Bytes()
                .raw(previous)
                .u32(entry.sequence())
                .str(entry.seat().name())
                .u32(entry.turn())
                .str(entry.action())
                .u8(entry.timedOut() ? 1 : 0)
                .sha256();
    }

    /**
     * The canonical big-endian encoding the chain hashes, fed straight into the digest: no buffer
     * of the whole input and no provider lookup per link (a turn's frame hashes the whole chain).
     * All instances on one thread share that thread's digest, so a thread builds one link at a
     * time: each is started, filled and hashed before the next one is started.
     */
    private static final class Bytes {
        /** Each thread's SHA-256, looked up once per thread; reset when a link starts and when it is hashed. */
        private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Bytes::newSha256);

        private final MessageDigest digest = SHA256.get();
        private final byte[] number = new byte[Long.BYTES];

        Bytes() {
            digest.reset(); // a link abandoned by an exception must not leak into the next one
        }

        Bytes u64(long value) {
            for (int i = 0; i < Long.BYTES; i++) {
                number[i] = (byte) (value >>> (56 - 8 * i));
            }
            digest.update(number, 0, Long.BYTES);
            return this;
        }

        Bytes u32(int value) {
            for (int i = 0; i < Integer.BYTES; i++) {
                number[i] = (byte) (value >>> (24 - 8 * i));
            }
            digest.update(number, 0, Integer.BYTES);
            return this;
        }

        Bytes u8(int value) {
            digest.update((byte) value);
            return this;
        }

        Bytes str(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            return u32(utf8.length).raw(utf8);
        }

        Bytes raw(byte[] bytes) {
            digest.update(bytes);
            return this;
        }

        byte[] sha256() {
            return digest.digest();
        }

        private static MessageDigest newSha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform must provide SHA-256", e);
            }
        }
    }
}
