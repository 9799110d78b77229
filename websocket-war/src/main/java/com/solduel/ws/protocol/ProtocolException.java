package com.solduel.ws.protocol;

import com.solduel.shared.SolDuelException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A frame refused by the protocol layer before it reaches a game: it changes nothing and the
 * client gets an {@code error} frame with {@link #code()} (and the {@code clientSeq} and
 * {@code gameId} of the frame when they could be read).
 */
public class ProtocolException extends SolDuelException {

    private final String code;
    private final Optional<Integer> clientSeq;
    private final OptionalLong gameId;

    public ProtocolException(String code, String message) {
        this(code, message, Optional.empty(), OptionalLong.empty());
    }

    public ProtocolException(String code, String message, Optional<Integer> clientSeq, OptionalLong gameId) {
        super(message);
        this.code = code;
        this.clientSeq = clientSeq;
        this.gameId = gameId;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_INPUT;
    }

    public Optional<Integer> clientSeq() {
        return clientSeq;
    }

    public OptionalLong gameId() {
        return gameId;
    }
}
