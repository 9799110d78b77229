package com.solduel.solana.rpc;

import java.net.URI;

/**
 * How an endpoint is named in logs, metrics, readiness data and error messages: its scheme, host
 * and port only. RPC providers put API keys in the user info, the path or the query string, so
 * none of those is ever shown; an endpoint whose URL had any of them is told apart from others on
 * the same host by its position in the pool ({@code https://rpc.example.com#2}).
 */
final class EndpointLabel {

    private EndpointLabel() {
    }

    /** The label of the pool's endpoint number {@code index} (from 0) at {@code url}. */
    static String of(URI url, int index) {
        return hidesSomething(url) ? base(url) + "#" + (index + 1) : base(url);
    }

    /** The URL as shown in a message where the pool position is unknown: {@code https://host/…}. */
    static String of(URI url) {
        return hidesSomething(url) ? base(url) + "/…" : base(url);
    }

    private static String base(URI url) {
        String host = url.getHost() == null ? "unknown-host" : url.getHost();
        return url.getScheme() + "://" + host + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    private static boolean hidesSomething(URI url) {
        String path = url.getRawPath();
        return url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null
                || (path != null && !path.isEmpty() && !path.equals("/"));
    }
}
