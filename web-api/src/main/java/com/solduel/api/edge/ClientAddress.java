package com.solduel.api.edge;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which client a request counts against: the socket's remote address, unless that is one of the
 * configured trusted proxies, in which case the nearest address in {@code X-Forwarded-For} that
 * is not a trusted proxy. With no trusted proxies (the default) the header is ignored, so a
 * client cannot pick its own identity.
 */
public final class ClientAddress {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Set<String> trustedProxies;

    public ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    public String of(String remoteAddress, String forwardedFor) {
        if (forwardedFor == null || !trustedProxies.contains(remoteAddress)) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",", 32);
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!IP_LITERAL.matcher(hop).matches()) {
                return remoteAddress; // a forged or garbled header: count it against the proxy
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remoteAddress;
    }
}
