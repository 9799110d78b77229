package com.solduel.player;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;

/** A player, identified by the wallet that signed in; table {@code players} of the seed schema. */
@Entity
@Table(name = "players")
public class Player {

    /** Rating a new player starts with (SPEC §6). */
    public static final int INITIAL_ELO = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(nullable = false, unique = true, length = WalletAddress.MAX_LENGTH, updatable = false)
    private String walletAddress;

    @Column(length = 32)
    private String username;

    // Written in SQL only, by the transaction that records a result (RatingSettlement, WagerSettlement):
    // never by this entity's full-row update, which would write back what it read.
    @Column(updatable = false)
    private int eloRating = INITIAL_ELO;
    @Column(updatable = false)
    private int wins;
    @Column(updatable = false)
    private int losses;
    @Column(updatable = false)
    private long totalEarnings;

    @Column(length = 44)
    private String nftProfileMint;

    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;

    protected Player() {
        // for JPA
    }

    public Player(WalletAddress wallet) {
        this.walletAddress = wallet.value();
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }

    /** The cacheable, serializable snapshot of this player. */
    public PlayerState toState() {
        return new PlayerState(id, walletAddress, username, eloRating, wins, losses, totalEarnings,
                nftProfileMint, createdAt);
    }

    public Integer id() {
        return id;
    }

    public WalletAddress wallet() {
        return WalletAddress.of(walletAddress);
    }

    public String username() {
        return username;
    }

    public int eloRating() {
        return eloRating;
    }

    public int wins() {
        return wins;
    }

    public int losses() {
        return losses;
    }

    public long totalEarnings() {
        return totalEarnings;
    }
}
