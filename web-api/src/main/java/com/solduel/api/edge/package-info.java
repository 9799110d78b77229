/**
 * The HTTP edge of the player ports, before any resource runs: security headers, the CORS
 * allowlist, well-formed Accept and Content-Type headers, per-address rate limits
 * ({@link com.solduel.api.edge.HttpEdgeFilter}), and problem details for the errors the web
 * container answers by itself ({@link com.solduel.api.edge.ContainerErrorPage}). The rules
 * ({@code RateLimiter}, {@code RateLimits}, {@code ClientAddress}, {@code CorsPolicy},
 * {@code MediaTypeSyntax}) are plain Java, unit-tested without a server.
 */
package com.solduel.api.edge;
