package com.solduel.it.probe;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** {@code POST /jta-probe/two-tables?wallet=..&tournament=..&fail=true|false}. */
@Path("/two-tables")
public class TransactionProbe {

    @Inject
    TwoTableWriter writer;

    @POST
    public Response write(@QueryParam("wallet") String wallet, @QueryParam("tournament") String tournament,
                          @QueryParam("fail") boolean fail) {
        try {
            writer.write(wallet, tournament, fail);
            return Response.ok("committed").build();
        } catch (Exception e) {
            return Response.status(Response.Status.CONFLICT).entity("rolled back: " + e).build();
        }
    }
}
