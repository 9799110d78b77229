package com.solduel.api.edge;

import java.util.List;

/**
 * The endpoint groups and their limits: the first group with a path prefix the request path
 * starts with applies (e.g. {@code auth} for {@code /api/auth/}), otherwise the default group.
 * Each group keeps its own buckets per client address.
 */
public final class RateLimits {

    /** One endpoint group: its name, path prefixes and limiter. */
    public record Group(String name, List<String> pathPrefixes, RateLimiter limiter) {
        boolean covers(String path) {
            return pathPrefixes.stream().anyMatch(path::startsWith);
        }
    }

    private final List<Group> groups;
    private final Group fallback;

    public RateLimits(List<Group> groups, Group fallback) {
        this.groups = List.copyOf(groups);
        this.fallback = fallback;
    }

    public Group groupFor(String path) {
        for (Group group : groups) {
            if (group.covers(path)) {
                return group;
            }
        }
        return fallback;
    }

    /** A token for {@code client} in the group of {@code path}. */
    public RateLimiter.Decision acquire(String path, String client, long nowNanos) {
        return groupFor(path).limiter().acquire(client, nowNanos);
    }
}
