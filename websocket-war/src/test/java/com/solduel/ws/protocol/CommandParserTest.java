package com.solduel.ws.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Frames become commands, or are refused with the code and the context the client needs. */
class CommandParserTest {

    @Test
    void eachCommandIsReadWithItsFields() {
        assertThat(CommandParser.parse("{\"type\":\"join_game\",\"gameId\":42}"))
                .isEqualTo(new Command.JoinGame(42, OptionalLong.empty()));
        assertThat(CommandParser.parse("{\"type\":\"join_game\",\"gameId\":42,\"sinceVersion\":7}"))
                .isEqualTo(new Command.JoinGame(42, OptionalLong.of(7)));
        assertThat(CommandParser.parse("{\"type\":\"watch_game\",\"gameId\":3,\"sinceVersion\":0}"))
                .isEqualTo(new Command.WatchGame(3, OptionalLong.of(0)));
        assertThat(CommandParser.parse("{\"type\":\"submit_action\",\"gameId\":42,\"clientSeq\":5,\"turn\":2,\"action\":\"ROCK\"}"))
                .isEqualTo(new Command.SubmitAction(42, 5, 2, "ROCK"));
        assertThat(CommandParser.parse("{\"type\":\"ping\",\"nonce\":\"n-1\"}")).isEqualTo(new Command.Ping(Optional.of("n-1")));
        assertThat(CommandParser.parse("{\"type\":\"ping\"}")).isEqualTo(new Command.Ping(Optional.empty()));
    }

    @Test
    void queueCommandsAreReadWithTheirDefaults() {
        assertThat(CommandParser.parse("{\"type\":\"queue_join\",\"gameType\":\"RPS\",\"wager\":0,\"rated\":false,\"clientSeed\":\"s\"}"))
                .isEqualTo(new Command.QueueJoin("RPS", com.solduel.money.Lamports.ZERO, false, Optional.of("s")));
        assertThat(CommandParser.parse("{\"type\":\"queue_join\",\"gameType\":\"duel\"}"))
                .isEqualTo(new Command.QueueJoin("duel", com.solduel.money.Lamports.ZERO, true, Optional.empty()));
        assertThat(CommandParser.parse("{\"type\":\"queue_join\",\"gameType\":\"RPS\",\"wager\":9223372036854775807}"))
                .isEqualTo(new Command.QueueJoin("RPS", com.solduel.money.Lamports.of(Long.MAX_VALUE), true, Optional.empty()));
        assertThat(CommandParser.parse("{\"type\":\"queue_leave\"}")).isEqualTo(new Command.QueueLeave());
    }

    @Test
    void aWagerThatWouldRoundOrWrapAndARatedThatIsNotABooleanAreRefused() {
        for (String wager : new String[] {"1.0", "1e3", "-1", "9223372036854775808", "\"0\"", "true"}) {
            assertRefused("{\"type\":\"queue_join\",\"gameType\":\"RPS\",\"wager\":" + wager + "}", ErrorCodes.INVALID_FIELD);
        }
        for (String rated : new String[] {"1", "\"true\"", "[]"}) {
            assertRefused("{\"type\":\"queue_join\",\"gameType\":\"RPS\",\"rated\":" + rated + "}", ErrorCodes.INVALID_FIELD);
        }
        assertRefused("{\"type\":\"queue_join\"}", ErrorCodes.INVALID_FIELD);
        assertRefused("{\"type\":\"queue_join\",\"gameType\":\"RPS\",\"clientSeed\":7}", ErrorCodes.INVALID_FIELD);
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() {
        assertThat(CommandParser.parse("{\"type\":\"ping\",\"client\":\"ios/2.1\",\"extra\":[1,2]}"))
                .isEqualTo(new Command.Ping(Optional.empty()));
    }

    @Test
    void whatIsNotAJsonObjectIsMalformed() {
        for (String frame : new String[] {"", "not json", "{\"type\":", "[1,2]", "\"join_game\"", "42", "null"}) {
            assertRefused(frame, ErrorCodes.MALFORMED_FRAME);
        }
    }

    @Test
    void aMissingOrUnknownTypeIsRefused() {
        assertRefused("{}", ErrorCodes.INVALID_FIELD);
        assertRefused("{\"type\":7}", ErrorCodes.INVALID_FIELD);
        assertRefused("{\"type\":\"resign_everything\",\"gameId\":9}", ErrorCodes.UNKNOWN_TYPE);
        assertThatThrownBy(() -> CommandParser.parse("{\"type\":\"resign_everything\",\"gameId\":9}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.gameId()).hasValue(9));
    }

    @Test
    void missingAndOutOfRangeFieldsAreInvalidAndEchoTheClientSeq() {
        assertRefused("{\"type\":\"join_game\"}", ErrorCodes.INVALID_FIELD);
        assertRefused("{\"type\":\"join_game\",\"gameId\":\"42\"}", ErrorCodes.INVALID_FIELD);
        assertRefused("{\"type\":\"join_game\",\"gameId\":0}", ErrorCodes.INVALID_FIELD);
        assertRefused("{\"type\":\"join_game\",\"gameId\":1.5}", ErrorCodes.INVALID_FIELD);
        assertRefused("{\"type\":\"join_game\",\"gameId\":99999999999999999999999}", ErrorCodes.INVALID_FIELD);
        assertRefused("{\"type\":\"join_game\",\"gameId\":4,\"sinceVersion\":-1}", ErrorCodes.INVALID_FIELD);
        assertRefused("{\"type\":\"submit_action\",\"gameId\":4,\"clientSeq\":1,\"turn\":0,\"action\":\"ROCK\"}", ErrorCodes.INVALID_FIELD);
        // 0 marks the moves the turn clock makes in the action log: a client's sequence starts at 1.
        assertRefused("{\"type\":\"submit_action\",\"gameId\":4,\"clientSeq\":0,\"turn\":1,\"action\":\"ROCK\"}", ErrorCodes.INVALID_FIELD);
        assertRefused("{\"type\":\"submit_action\",\"gameId\":4,\"clientSeq\":1,\"turn\":1}", ErrorCodes.INVALID_FIELD);
        assertRefused("{\"type\":\"submit_action\",\"gameId\":4,\"clientSeq\":1,\"turn\":1,\"action\":\"\"}", ErrorCodes.INVALID_FIELD);
        assertRefused("{\"type\":\"submit_action\",\"gameId\":4,\"clientSeq\":1,\"turn\":1,\"action\":\""
                + "A".repeat(CommandParser.MAX_ACTION_CHARS + 1) + "\"}", ErrorCodes.INVALID_FIELD);
        assertRefused("{\"type\":\"submit_action\",\"gameId\":4,\"clientSeq\":2147483648,\"turn\":1,\"action\":\"ROCK\"}",
                ErrorCodes.INVALID_FIELD);
        assertRefused("{\"type\":\"ping\",\"nonce\":\"" + "n".repeat(CommandParser.MAX_NONCE_CHARS + 1) + "\"}",
                ErrorCodes.INVALID_FIELD);

        assertThatThrownBy(() -> CommandParser.parse("{\"type\":\"submit_action\",\"gameId\":4,\"clientSeq\":12,\"turn\":1}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.clientSeq()).hasValue(12);
                    assertThat(e.gameId()).hasValue(4);
                    assertThat(e.getMessage()).isEqualTo("'action' is required: a string of 1 to 32 characters");
                });
    }

    @Test
    void aNestingBombIsMalformedNotAServerFailure() {
        assertRefused("[".repeat(1500) + "]".repeat(1500), ErrorCodes.MALFORMED_FRAME);
        assertRefused("{\"type\":\"ping\",\"x\":" + "[".repeat(17) + "]".repeat(17) + "}", ErrorCodes.MALFORMED_FRAME);
        assertRefused("{\"type\":\"ping\",\"x\":" + "[".repeat(3000), ErrorCodes.MALFORMED_FRAME);
        assertThat(CommandParser.parse("{\"type\":\"ping\",\"x\":" + "[".repeat(15) + "]".repeat(15) + "}"))
                .as("16 levels are fine").isEqualTo(new Command.Ping(Optional.empty()));
        assertThat(CommandParser.parse("{\"type\":\"ping\",\"nonce\":\"" + "[".repeat(40) + "\\\"{\"}"))
                .as("brackets inside strings do not count").isInstanceOf(Command.Ping.class);
    }

    @Test
    void dataAfterTheJsonObjectIsMalformed() {
        assertRefused("{\"type\":\"ping\"} trailing", ErrorCodes.MALFORMED_FRAME);
        assertRefused("{\"type\":\"ping\"}{\"type\":\"ping\"}", ErrorCodes.MALFORMED_FRAME);
        assertRefused("{\"type\":\"ping\"} 1", ErrorCodes.MALFORMED_FRAME);
        assertThat(CommandParser.parse(" {\"type\":\"ping\"} \n")).as("whitespace around is fine")
                .isEqualTo(new Command.Ping(Optional.empty()));
    }

    @Test
    void actionNamesAreExactNotTrimmed() {
        for (String action : new String[] {"BLOCK\\u0000\\t", " ROCK", "ROCK ", "RO CK", "ROCK\\n", "RÖCK", "1"}) {
            assertRefused("{\"type\":\"submit_action\",\"gameId\":4,\"clientSeq\":1,\"turn\":1,\"action\":\"" + action + "\"}",
                    ErrorCodes.INVALID_FIELD);
        }
        assertThat(CommandParser.parse("{\"type\":\"submit_action\",\"gameId\":4,\"clientSeq\":1,\"turn\":1,\"action\":\"heavy_attack\"}"))
                .isEqualTo(new Command.SubmitAction(4, 1, 1, "heavy_attack"));
    }

    @Test
    void theErrorFrameCarriesCodeMessageAndContext() {
        var refused = new ProtocolException(ErrorCodes.INVALID_FIELD, "'turn' must be ...", Optional.of(3), OptionalLong.of(8));
        assertThat(ServerFrames.error(refused).toString())
                .isEqualTo("{\"type\":\"error\",\"code\":\"invalid-field\",\"message\":\"'turn' must be ...\",\"clientSeq\":3,\"gameId\":8}");
    }

    private static void assertRefused(String frame, String code) {
        assertThatThrownBy(() -> CommandParser.parse(frame)).as(frame)
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
