package com.solduel.ws.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A message is limited as a whole, whatever the frames it arrives in, and never buffered past the limit. */
class IncomingMessageTest {

    @Test
    void partsAreJoinedIntoOneMessage() {
        IncomingMessage message = new IncomingMessage(100);
        assertThat(message.atStart()).isTrue();
        assertThat(message.offer("{\"type\":", false)).isEqualTo(IncomingMessage.Progress.INCOMPLETE);
        assertThat(message.atStart()).isFalse();
        assertThat(message.offer("\"ping\"}", true)).isEqualTo(IncomingMessage.Progress.COMPLETE);
        assertThat(message.take()).isEqualTo("{\"type\":\"ping\"}");
        assertThat(message.atStart()).isTrue();
    }

    @Test
    void theWholeMessageIsLimitedNotEachPart() {
        IncomingMessage message = new IncomingMessage(4096);
        for (int i = 0; i < 4; i++) {
            assertThat(message.offer("x".repeat(1000), false)).isEqualTo(IncomingMessage.Progress.INCOMPLETE);
        }
        assertThat(message.offer("x".repeat(96), false)).isEqualTo(IncomingMessage.Progress.INCOMPLETE);
        assertThat(message.offer("x", true)).isEqualTo(IncomingMessage.Progress.TOO_BIG);
        assertThat(message.atStart()).as("nothing of it is kept").isTrue();
    }

    @Test
    void theLimitCountsUtf8Bytes() {
        IncomingMessage message = new IncomingMessage(6);
        assertThat(message.offer("éé", false)).isEqualTo(IncomingMessage.Progress.INCOMPLETE);
        assertThat(message.offer("\uD83D\uDE00", false)).as("4 + 4 bytes").isEqualTo(IncomingMessage.Progress.TOO_BIG);
        assertThat(new IncomingMessage(6).offer("€€", true)).isEqualTo(IncomingMessage.Progress.COMPLETE);
    }
}
