package com.solduel.api.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Errors the JAX-RS runtime answers by itself (unknown path, wrong method, an unconvertible
 * parameter) arrive with a plain-text body and never reach an exception mapper; this gives them
 * the same problem-details shape as every other error of the API.
 */
@Provider
public class ProblemResponseFilter implements ContainerResponseFilter {

    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || PROBLEM.isCompatible(response.getMediaType())) {
            return;
        }
        // The runtime's own text names classes and parameters: a fixed detail per status instead.
        response.setEntity(StatusProblems.problem(response.getStatus(), request.getUriInfo().getRequestUri().getPath()),
                null, PROBLEM);
    }
}
