package com.solduel.it.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * A test-only web module dropped into the integration-test server (never into the EAR): it
 * drives the server's JTA transaction manager and the application's XA datasource from inside
 * the container, where the tests cannot reach directly.
 */
@ApplicationPath("/")
public class ProbeApplication extends Application {
}
