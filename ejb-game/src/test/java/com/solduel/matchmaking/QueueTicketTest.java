package com.solduel.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.game.rules.GameType;
import com.solduel.money.Lamports;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A ticket and a match_found frame read back exactly as written; a damaged ticket reads as none. */
class QueueTicketTest {

    private static final Bucket BUCKET = new Bucket(GameType.DUEL, Lamports.ZERO, false);

    @Test
    void aTicketReadsBackAsWritten() {
        QueueTicket queued = QueueTicket.queued("w1", BUCKET, 1_764_547_200_123L, 1234, QueueTicket.Via.WS, Optional.of("seed"));
        assertThat(QueueTicket.read("w1", queued.fields())).contains(queued);
        QueueTicket matched = new QueueTicket("w1", BUCKET, 5, 1000, QueueTicket.Via.REST, Optional.empty(),
                QueueTicket.Status.MATCHED, OptionalLong.of(42), Optional.of("{}"), OptionalLong.of(9));
        assertThat(QueueTicket.read("w1", matched.fields())).contains(matched);
        assertThat(QueueTicket.key("w1")).isEqualTo("matchmaking:{w1}");
    }

    @Test
    void anEmptyOrDamagedTicketIsNone() {
        assertThat(QueueTicket.read("w", Map.of())).isEmpty();
        assertThat(QueueTicket.read("w", Map.of("bucket", "RPS:0:rated", "status", "QUEUED", "joinedAt", "x",
                "rating", "1", "via", "WS"))).isEmpty();
        assertThat(QueueTicket.read("w", Map.of("bucket", "CHESS:0:rated", "status", "QUEUED", "joinedAt", "1",
                "rating", "1", "via", "WS"))).isEmpty();
    }

    @Test
    void theMatchFoundFrameReadsBackAndCarriesANullUsername() {
        MatchFound found = new MatchFound(42, "RPS", 1, 0, true, "RPS:0:rated", "P2",
                "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd", new MatchOpponent("w2", null, 1012));
        assertThat(found.frame().getString("type")).isEqualTo("match_found");
        assertThat(found.frame().getJsonObject("opponent").isNull("username")).isTrue();
        assertThat(MatchFound.read(found.frame())).isEqualTo(found);
        MatchFound named = new MatchFound(7, "DUEL", 1, 0, false, "DUEL:0:unrated", "P1", "00", new MatchOpponent("w3", "ann", 999));
        assertThat(MatchQueue.readMatch(named.frame().toString())).isEqualTo(named);
    }
}
