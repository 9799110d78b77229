package com.solduel.wager;

/**
 * The memo a deposit carries, naming the game and the depositing wallet:
 * {@code solduel:deposit:game=<gameId>:wallet=<base58 wallet>}, sent as the UTF-8 data of a Memo
 * program instruction in the same transaction as the transfer.
 */
public final class DepositMemo {

    /** The format as documented (docs/money.md, GET /api/vault). */
    public static final String FORMAT = "solduel:deposit:game=<gameId>:wallet=<wallet>";

    private DepositMemo() {
    }

    public static String of(long gameId, String wallet) {
        return "solduel:deposit:game=" + gameId + ":wallet=" + wallet;
    }
}
