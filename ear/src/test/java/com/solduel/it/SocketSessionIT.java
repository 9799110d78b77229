package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A game socket leaves nothing behind on the server once closed: no HTTP session (Liberty's
 * handshake asks for one, which would live on for 30 minutes per socket ever opened).
 */
class SocketSessionIT {

    @Test
    void theHandshakeCreatesNoHttpSession() throws IOException {
        String token = TestWallet.random().signIn();
        URI base = URI.create(TestEnvironment.BASE_URL);
        for (int i = 0; i < 3; i++) {
            try (Socket raw = new Socket(base.getHost(), base.getPort())) {
                raw.setSoTimeout(15_000);
                raw.getOutputStream().write(("GET /ws/game HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                raw.getOutputStream().flush();
                String head = readHead(raw.getInputStream());
                assertThat(head).startsWith("HTTP/1.1 101");
                assertThat(head.toLowerCase()).as("the 101 answer sets no session cookie")
                        .doesNotContain("set-cookie").doesNotContain("jsessionid");
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.UTF_8);
    }
}
