package com.solduel.solana.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.solduel.solana.Base58;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Every field of a getTransaction answer may be wrong: each wrong one is refused, none is guessed. */
class LandedTransactionJsonTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SIG = random(64);
    private static final String PAYER = random(32);
    private static final String VAULT = random(32);
    private static final String SYSTEM = "11111111111111111111111111111111";

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base58.encode(b);
    }

    private static String answer(String signature, String keys, String header, String instructions, String meta) {
        return "{\"slot\": 1200, \"blockTime\": 1700000000, \"meta\": " + meta + ", \"transaction\": {\"signatures\": [\""
                + signature + "\"], \"message\": {\"header\": " + header + ", \"accountKeys\": " + keys
                + ", \"recentBlockhash\": \"" + random(32) + "\", \"instructions\": " + instructions + "}}}";
    }

    private static final String KEYS = "[\"" + PAYER + "\", \"" + VAULT + "\", \"" + SYSTEM + "\"]";
    private static final String HEADER = "{\"numRequiredSignatures\": 1, \"numReadonlySignedAccounts\": 0, \"numReadonlyUnsignedAccounts\": 1}";
    private static final String TRANSFER = "[{\"programIdIndex\": 2, \"accounts\": [0, 1], \"data\": \"3Bxs4Bc3VCaP8A6n\", \"stackHeight\": null}]";
    private static final String META_OK = "{\"err\": null, \"fee\": 5000, \"preBalances\": [], \"postBalances\": []}";

    private static LandedTransaction read(String signature, String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject result = reader.readObject();
            return LandedTransactionJson.read(signature, result);
        }
    }

    @Test
    void aWellFormedAnswerIsReadWithItsInstructionsResolvedToAddresses() {
        LandedTransaction tx = read(SIG, answer(SIG, KEYS, HEADER, TRANSFER, META_OK));

        assertThat(tx.succeeded()).isTrue();
        assertThat(tx.feePayer()).isEqualTo(PAYER);
        assertThat(tx.signedBy(PAYER)).isTrue();
        assertThat(tx.signedBy(VAULT)).isFalse();
        assertThat(tx.slot()).isEqualTo(1200);
        assertThat(tx.fee()).isEqualTo(5000);
        assertThat(tx.instructions()).singleElement().satisfies(i -> {
            assertThat(i.programId()).isEqualTo(SYSTEM);
            assertThat(i.accounts()).containsExactly(PAYER, VAULT);
            assertThat(i.data()).hasSize(12);
        });
        assertThat(read(SIG, answer(SIG, KEYS, HEADER, TRANSFER, "{\"err\": {\"InstructionError\": [0, \"x\"]}, \"fee\": 5000}"))
                .succeeded()).isFalse();
    }

    @Test
    void theBalancesBeforeAndAfterGiveEachAccountsChangeFeeIncluded() {
        LandedTransaction tx = read(SIG, answer(SIG, KEYS, HEADER, TRANSFER,
                "{\"err\": null, \"fee\": 5000, \"preBalances\": [1000005000, 10, 1], \"postBalances\": [0, 1000000010, 1]}"));

        assertThat(tx.balanceChange(VAULT)).isEqualTo(1_000_000_000L);
        assertThat(tx.balanceChange(PAYER)).isEqualTo(-1_000_005_000L);
        assertThat(tx.balanceChange(random(32))).as("not one of its accounts").isZero();
        assertThatThrownBy(() -> read(SIG, answer(SIG, KEYS, HEADER, TRANSFER, META_OK)).balanceChange(VAULT))
                .as("read without balances").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> read(SIG, answer(SIG, KEYS, HEADER, TRANSFER,
                "{\"err\": null, \"fee\": 5000, \"preBalances\": [1, 2], \"postBalances\": [1, 2, 3]}")))
                .as("one balance per account").isInstanceOf(LandedTransactionJson.MalformedAnswerException.class);
        assertThatThrownBy(() -> read(SIG, answer(SIG, KEYS, HEADER, TRANSFER,
                "{\"err\": null, \"fee\": 5000, \"preBalances\": [1, -2, 3], \"postBalances\": [1, 2, 3]}")))
                .as("no negative balance").isInstanceOf(LandedTransactionJson.MalformedAnswerException.class);
    }

    @Test
    void anotherTransactionThanTheOneAskedForIsRefused() {
        assertThatThrownBy(() -> read(SIG, answer(random(64), KEYS, HEADER, TRANSFER, META_OK)))
                .isInstanceOf(LandedTransactionJson.MalformedAnswerException.class).hasMessageContaining("not " + SIG);
    }

    @Test
    void eachMalformedFieldIsRefused() {
        String[][] broken = {
                {"meta without err", answer(SIG, KEYS, HEADER, TRANSFER, "{\"fee\": 5000}")},
                {"fee negative", answer(SIG, KEYS, HEADER, TRANSFER, "{\"err\": null, \"fee\": -1}")},
                {"fee fractional", answer(SIG, KEYS, HEADER, TRANSFER, "{\"err\": null, \"fee\": 5000.5}")},
                {"meta a string", answer(SIG, KEYS, HEADER, TRANSFER, "\"ok\"")},
                {"a key of 31 bytes", answer(SIG, "[\"" + random(31) + "\", \"" + VAULT + "\", \"" + SYSTEM + "\"]", HEADER, TRANSFER, META_OK)},
                {"a key not base58", answer(SIG, "[\"0OIl\", \"" + VAULT + "\", \"" + SYSTEM + "\"]", HEADER, TRANSFER, META_OK)},
                {"a key a number", answer(SIG, "[1, \"" + VAULT + "\", \"" + SYSTEM + "\"]", HEADER, TRANSFER, META_OK)},
                {"no signers", answer(SIG, KEYS, "{\"numRequiredSignatures\": 0}", TRANSFER, META_OK)},
                {"more signers than signatures", answer(SIG, KEYS, "{\"numRequiredSignatures\": 2}", TRANSFER, META_OK)},
                {"program index out of range", answer(SIG, KEYS, HEADER, "[{\"programIdIndex\": 3, \"accounts\": [0, 1], \"data\": \"3Bxs4Bc3VCaP8A6n\"}]", META_OK)},
                {"account index out of range", answer(SIG, KEYS, HEADER, "[{\"programIdIndex\": 2, \"accounts\": [0, 9], \"data\": \"3Bxs4Bc3VCaP8A6n\"}]", META_OK)},
                {"account index negative", answer(SIG, KEYS, HEADER, "[{\"programIdIndex\": 2, \"accounts\": [-1, 1], \"data\": \"3Bxs4Bc3VCaP8A6n\"}]", META_OK)},
                {"data not base58", answer(SIG, KEYS, HEADER, "[{\"programIdIndex\": 2, \"accounts\": [0, 1], \"data\": \"0x00\"}]", META_OK)},
                {"data missing", answer(SIG, KEYS, HEADER, "[{\"programIdIndex\": 2, \"accounts\": [0, 1]}]", META_OK)},
                {"instructions an object", answer(SIG, KEYS, HEADER, "{}", META_OK)},
                {"slot a string", answer(SIG, KEYS, HEADER, TRANSFER, META_OK).replace("\"slot\": 1200", "\"slot\": \"1200\"")},
        };
        for (String[] example : broken) {
            assertThatThrownBy(() -> read(SIG, example[1])).as(example[0])
                    .isInstanceOf(LandedTransactionJson.MalformedAnswerException.class);
        }
    }
}
