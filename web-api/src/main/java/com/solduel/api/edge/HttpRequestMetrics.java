package com.solduel.api.edge;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code http_requests_total{status}}: every answer of the REST application by its HTTP status
 * code, the series the seed's {@code HighErrorRate} alert reads
 * ({@code rate(http_requests_total{status=~"5.."}[5m]) > 0.1}).
 */
@ApplicationScoped
public class HttpRequestMetrics {

    private static final Metadata REQUESTS = Metadata.builder().withName("http_requests")
            .withDescription("HTTP requests answered by the REST application, by status code").build();
    /** Registered at start so the error-rate expression has a series before the first error. */
    private static final List<Integer> INITIAL = List.of(200, 500);

    @Inject
    MetricRegistry registry;

    private final ConcurrentMap<Integer, Counter> byStatus = new ConcurrentHashMap<>();

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean registers the series (@PostConstruct)
    }

    @PostConstruct
    void register() {
        INITIAL.forEach(this::counter);
    }

    /** Counts one answer with {@code status}. */
    public void answered(int status) {
        counter(status).inc();
    }

    private Counter counter(int status) {
        // Only real status codes become label values, so the series stay few.
        int code = status >= 100 && status <= 599 ? status : 500;
        return byStatus.computeIfAbsent(code, c -> registry.counter(REQUESTS, new Tag("status", Integer.toString(c))));
    }
}
