package com.solduel.wager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.solduel.solana.Base58;
import com.solduel.solana.rpc.LandedTransaction;
import com.solduel.solana.rpc.LandedTransaction.Instruction;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepositCheckTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PLAYER = address();
    private static final String VAULT = address();
    private static final String MEMO = DepositMemo.of(42, PLAYER);
    private static final DepositCheck.Expected EXPECTED = new DepositCheck.Expected(PLAYER, VAULT, 50_000_000, MEMO);
    private static final String MEMO_V2 = "MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr";

    private static String address() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base58.encode(key);
    }

    static Instruction transfer(String from, String to, long lamports) {
        byte[] data = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(2).putLong(lamports).array();
        return new Instruction(DepositCheck.SYSTEM_PROGRAM, List.of(from, to), data);
    }

    static Instruction memo(String text) {
        return new Instruction(MEMO_V2, List.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    private static LandedTransaction tx(boolean succeeded, String payer, Instruction... instructions) {
        List<String> keys = new ArrayList<>(List.of(payer, VAULT, DepositCheck.SYSTEM_PROGRAM));
        return new LandedTransaction("sig", 1, 5000, succeeded, keys, 1, List.of(instructions));
    }

    @Test
    void aTransferOfTheWagerToTheVaultWithTheMemoIsCreditedForWhatItSent() {
        assertThat(DepositCheck.verify(tx(true, PLAYER, transfer(PLAYER, VAULT, 50_000_000), memo(MEMO)), EXPECTED))
                .isEqualTo(50_000_000);
        assertThat(DepositCheck.verify(tx(true, PLAYER, memo(MEMO), transfer(PLAYER, VAULT, 30_000_000),
                transfer(PLAYER, VAULT, 30_000_001)), EXPECTED)).as("two transfers, more than the wager").isEqualTo(60_000_001);
    }

    @Test
    void aFailedTransactionIsRefusedFirst() {
        assertThatThrownBy(() -> DepositCheck.verify(tx(false, PLAYER, transfer(PLAYER, VAULT, 50_000_000), memo(MEMO)), EXPECTED))
                .hasFieldOrPropertyWithValue("code", "deposit-transaction-failed");
    }

    @Test
    void aTransactionPaidBySomeoneElseIsRefused() {
        String other = address();
        assertThatThrownBy(() -> DepositCheck.verify(tx(true, other, transfer(PLAYER, VAULT, 50_000_000), memo(MEMO)), EXPECTED))
                .hasFieldOrPropertyWithValue("code", "deposit-not-from-your-wallet");
    }

    @Test
    void aTransferElsewhereOrFromAnotherAccountIsTheWrongDestination() {
        assertThatThrownBy(() -> DepositCheck.verify(tx(true, PLAYER, transfer(PLAYER, address(), 50_000_000), memo(MEMO)), EXPECTED))
                .hasFieldOrPropertyWithValue("code", "deposit-wrong-destination");
        assertThatThrownBy(() -> DepositCheck.verify(tx(true, PLAYER, transfer(address(), VAULT, 50_000_000), memo(MEMO)), EXPECTED))
                .hasFieldOrPropertyWithValue("code", "deposit-wrong-destination");
        assertThatThrownBy(() -> DepositCheck.verify(tx(true, PLAYER, memo(MEMO)), EXPECTED))
                .hasFieldOrPropertyWithValue("code", "deposit-wrong-destination");
    }

    @Test
    void lessThanTheWagerIsTheWrongAmount() {
        assertThatThrownBy(() -> DepositCheck.verify(tx(true, PLAYER, transfer(PLAYER, VAULT, 49_999_999), memo(MEMO)), EXPECTED))
                .hasFieldOrPropertyWithValue("code", "deposit-wrong-amount");
        assertThatThrownBy(() -> DepositCheck.verify(tx(true, PLAYER, transfer(PLAYER, VAULT, -1), memo(MEMO)), EXPECTED))
                .as("a u64 beyond 2^63-1").hasFieldOrPropertyWithValue("code", "deposit-wrong-amount");
    }

    @Test
    void theMemoMustBeExactlyTheGamesMemoInAMemoProgramInstruction() {
        assertThatThrownBy(() -> DepositCheck.verify(tx(true, PLAYER, transfer(PLAYER, VAULT, 50_000_000),
                memo(DepositMemo.of(43, PLAYER))), EXPECTED)).hasFieldOrPropertyWithValue("code", "deposit-wrong-memo");
        assertThatThrownBy(() -> DepositCheck.verify(tx(true, PLAYER, transfer(PLAYER, VAULT, 50_000_000),
                memo(MEMO + " ")), EXPECTED)).hasFieldOrPropertyWithValue("code", "deposit-wrong-memo");
        Instruction notMemoProgram = new Instruction(address(), List.of(), MEMO.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DepositCheck.verify(tx(true, PLAYER, transfer(PLAYER, VAULT, 50_000_000),
                notMemoProgram), EXPECTED)).hasFieldOrPropertyWithValue("code", "deposit-wrong-memo");
    }

    @Test
    void systemInstructionsThatAreNotTransfersCountForNothing() {
        byte[] createAccount = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putLong(50_000_000).array();
        Instruction notATransfer = new Instruction(DepositCheck.SYSTEM_PROGRAM, List.of(PLAYER, VAULT), createAccount);
        assertThatThrownBy(() -> DepositCheck.verify(tx(true, PLAYER, notATransfer, memo(MEMO)), EXPECTED))
                .hasFieldOrPropertyWithValue("code", "deposit-wrong-destination");
    }

    @Test
    void theMemoNamesTheGameAndTheWallet() {
        assertThat(DepositMemo.of(42, "W")).isEqualTo("solduel:deposit:game=42:wallet=W");
    }
}
