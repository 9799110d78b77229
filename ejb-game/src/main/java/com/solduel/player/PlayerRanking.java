package com.solduel.player;

/** Orders in which the player list can be read. */
public enum PlayerRanking {
    /** Highest rating first: the leaderboard order. */
    ELO("p.eloRating DESC, p.id"),
    /** Most wins first. */
    WINS("p.wins DESC, p.id"),
    /** Newest players first. */
    NEWEST("p.createdAt DESC, p.id DESC");

    private final String jpqlOrder;

    PlayerRanking(String jpqlOrder) {
        this.jpqlOrder = jpqlOrder;
    }

    String jpqlOrder() {
        return jpqlOrder;
    }
}
