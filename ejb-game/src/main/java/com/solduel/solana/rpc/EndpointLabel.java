package com.solduel.solana.rpc;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * How an endpoint is named in logs, metrics, readiness data and error messages: its URL without
 * user info and query string, where RPC providers put API keys (a key in the path stays visible).
 */
final class EndpointLabel {

    private EndpointLabel() {
    }

    static String of(URI url) {
        if (url.getRawUserInfo() == null && url.getRawQuery() == null && url.getRawFragment() == null) {
            return url.toString();
        }
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return url.getScheme() + "://" + url.getHost();
        }
    }
}
