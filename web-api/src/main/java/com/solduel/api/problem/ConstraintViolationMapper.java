package com.solduel.api.problem;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures of request parameters and bodies. The runtime has its own mapper for
 * this exact type, which would win over the catch-all {@link ProblemMappers}; this one makes
 * them problem details with the list of invalid fields.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        return ProblemMappers.problemFor(exception, uriInfo.getRequestUri().getPath()).toResponse();
    }
}
