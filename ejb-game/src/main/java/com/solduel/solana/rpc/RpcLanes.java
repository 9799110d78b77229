package com.solduel.solana.rpc;

import java.util.List;

/** Which lane class guards which endpoint: the n-th endpoint of rpc-pool.json gets {@code RpcLane<n>}. */
public final class RpcLanes {

    /** One lane class per endpoint; to support more endpoints, add RpcLane6 and list it below. */
    static final List<Class<? extends RpcLane>> CLASSES =
            List.of(RpcLane1.class, RpcLane2.class, RpcLane3.class, RpcLane4.class, RpcLane5.class);

    /** The most endpoints rpc-pool.json may list. */
    public static final int MAX_ENDPOINTS = 5;

    private RpcLanes() {
    }

    /** The lane class of the endpoint at {@code index} (0-based) in rpc-pool.json. */
    static Class<? extends RpcLane> forEndpoint(int index) {
        return CLASSES.get(index);
    }
}
