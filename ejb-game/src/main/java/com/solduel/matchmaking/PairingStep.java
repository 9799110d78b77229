package com.solduel.matchmaking;

import java.util.List;

/** What one run of the pairing script did to a bucket: the pairs it made and the wallets whose wait expired. */
public record PairingStep(List<PendingPair> pairs, List<String> expired) {
}
