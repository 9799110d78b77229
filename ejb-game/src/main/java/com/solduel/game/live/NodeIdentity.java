package com.solduel.game.live;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This server's name among the nodes sharing PostgreSQL and Redis ({@code solduel.node.id}, e.g.
 * the pod name); without one, a random id per start, so a restarted node never mistakes an old
 * lease for its own.
 */
@ApplicationScoped
public class NodeIdentity {

    @Inject
    @ConfigProperty(name = "solduel.node.id")
    Optional<String> configured;

    private String id;

    @PostConstruct
    void init() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // The configured name plus a per-start suffix: readable in Redis and unique across restarts.
        id = configured.filter(s -> !s.isBlank()).map(s -> s + "/" + suffix).orElse("node/" + suffix);
    }

    /** The id this node holds leases under. */
    public String id() {
        return id;
    }
}
