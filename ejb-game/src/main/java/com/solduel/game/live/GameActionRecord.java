package com.solduel.game.live;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One accepted action, a row of {@code game_actions}. The unique (game_id, sequence_number)
 * index is what makes two nodes unable to accept two different actions at the same position.
 */
@Entity
@Table(name = "game_actions")
public class GameActionRecord {

    /** The kinds of row, named exactly as the database's {@code action_type_enum}. */
    public enum ActionType { JOIN, MOVE, TIMEOUT_MOVE, FORFEIT, RESIGN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Integer id;

    Long gameId;
    Integer playerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(columnDefinition = "action_type_enum")
    ActionType actionType;

    /** {@link LogRowJson} as JSON text (JSONB in the database). */
    @ColumnTransformer(write = "?::jsonb")
    String actionData;

    int sequenceNumber;

    @Column(name = "timestamp")
    Instant timestamp;

    /** The fencing epoch of the node that wrote the row; the database refuses a stale one. */
    Long ownerEpoch;

    protected GameActionRecord() {
        // for JPA
    }

    GameActionRecord(long gameId, Integer playerId, ActionType type, String actionData, int sequenceNumber,
                     long ownerEpoch) {
        this.ownerEpoch = ownerEpoch;
        this.gameId = gameId;
        this.playerId = playerId;
        this.actionType = type;
        this.actionData = actionData;
        this.sequenceNumber = sequenceNumber;
        this.timestamp = Instant.now();
    }
}
