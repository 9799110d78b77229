package com.solduel.game.live;

import com.solduel.game.rules.GameType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code games}: who plays, the status, the result and the provably-fair commitment. */
@Entity
@Table(name = "games")
public class GameRecord {

    /** From games_id_seq, the column's default, returned by the INSERT (changelog 012). */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "player1_id")
    Integer player1Id;

    @Column(name = "player2_id")
    Integer player2Id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(columnDefinition = "game_status_enum")
    GameStatus status;

    Integer winnerId;
    long wagerAmount;
    Instant startTime;
    Instant endTime;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(columnDefinition = "game_type_enum")
    GameType gameType;

    /** Options, client seeds and the result, as JSON text (JSONB in the database). */
    @ColumnTransformer(write = "?::jsonb")
    String metadata;

    String blockchainTxHash;

    /** When a wagered game still AWAITING_DEPOSITS is cancelled (changelog 006). */
    Instant depositDeadline;

    @Column(insertable = false, updatable = false)
    Instant createdAt;

    String inviteCode;
    String serverSeedHash;
    /** Secret until the game ends; never serialized to a client before that. */
    String serverSeed;

    /** Raised (in SQL) by each node that takes the game over; action rows of an older epoch are refused. */
    @Column(insertable = false, updatable = false)
    long ownerEpoch;

    /** Whether the result moves ratings (docs/ratings.md); fixed when the game is created (a private challenge as its creator chose, a matched game as its bucket says). */
    boolean rated = true;

    /** The matchmaking pair this game was made from (unique), null for a private challenge. */
    String matchId;

    protected GameRecord() {
        // for JPA
    }

    GameRecord(int player1Id, GameType type, String inviteCode, String serverSeed, String serverSeedHash,
               String metadata, long wagerAmount, boolean rated) {
        this.rated = rated;
        this.player1Id = player1Id;
        this.gameType = type;
        this.inviteCode = inviteCode;
        this.serverSeed = serverSeed;
        this.serverSeedHash = serverSeedHash;
        this.metadata = metadata;
        this.status = GameStatus.CREATED;
        this.wagerAmount = wagerAmount;
    }

    /** A game made by matchmaking from pair {@code matchId}, staking {@code wagerAmount} each: it has no invite code. */
    static GameRecord matched(int player1Id, GameType type, String serverSeed, String serverSeedHash, String metadata,
                              long wagerAmount, boolean rated, String matchId) {
        GameRecord game = new GameRecord(player1Id, type, null, serverSeed, serverSeedHash, metadata, wagerAmount, rated);
        game.matchId = matchId;
        return game;
    }

    /*
     * Changes go through these methods, never through field writes from other classes: Liberty's
     * JPA container may enhance entities for dirty tracking, and only writes inside the entity
     * are tracked.
     */

    /**
     * The second player took the seat, by invite code or as a matched pair: a free game starts now;
     * a wagered one waits for both deposits until now + {@code depositWindow}.
     */
    void seatSecondPlayer(int player2, String newMetadata, Duration depositWindow) {
        if (wagerAmount > 0) {
            awaitDeposits(player2, newMetadata, Instant.now().plus(depositWindow));
        } else {
            start(player2, newMetadata);
        }
    }

    /** The second player took the seat: the game starts now. */
    private void start(int player2, String newMetadata) {
        this.player2Id = player2;
        this.metadata = newMetadata;
        this.status = status.moveTo(GameStatus.IN_PROGRESS);
        this.startTime = Instant.now();
    }

    /** The second player took the seat of a wagered game: both players now owe their deposit by {@code deadline}. */
    private void awaitDeposits(int player2, String newMetadata, Instant deadline) {
        this.player2Id = player2;
        this.metadata = newMetadata;
        this.status = status.moveTo(GameStatus.AWAITING_DEPOSITS);
        this.depositDeadline = deadline;
    }

    long ownerEpoch() {
        return ownerEpoch;
    }

    public Long id() {
        return id;
    }

    Integer player1Id() {
        return player1Id;
    }

    Integer player2Id() {
        return player2Id;
    }

    String metadata() {
        return metadata;
    }

    String inviteCode() {
        return inviteCode;
    }

    String serverSeed() {
        return serverSeed;
    }

    String serverSeedHash() {
        return serverSeedHash;
    }

    Instant startTime() {
        return startTime;
    }

    Instant endTime() {
        return endTime;
    }

    /** The stake each player puts in, in lamports (0: free play). */
    public long wagerAmount() {
        return wagerAmount;
    }

    Instant depositDeadline() {
        return depositDeadline;
    }

    public GameStatus status() {
        return status;
    }

    public GameType gameType() {
        return gameType;
    }

    /** Whether the result moves ratings. */
    public boolean rated() {
        return rated;
    }
}
