package com.solduel.player;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BanBroadcastTest {

    private static final WalletAddress WALLET = WalletAddress.of("4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T");

    @Test
    void aBanAndAnUnbanTravelAsTheyWereWritten() {
        for (boolean banned : new boolean[] {true, false}) {
            PlayerBanChanged change = new PlayerBanChanged(WALLET, banned);
            assertThat(BanBroadcast.parse(BanBroadcast.message(change))).contains(change);
        }
    }

    @Test
    void anythingElseOnTheChannelIsIgnored() {
        assertThat(BanBroadcast.parse("banned|not-a-wallet")).isEmpty();
        assertThat(BanBroadcast.parse("kicked|" + WALLET.value())).isEmpty();
        assertThat(BanBroadcast.parse("")).isEmpty();
    }
}
