package com.solduel.api.health;

import com.solduel.infra.db.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once Liquibase has brought the schema up to date. */
@Startup
@ApplicationScoped
public class SchemaStartup implements HealthCheck {

    @Inject
    SchemaMigrator migrator;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("schema").status(migrator.isMigrated()).build();
    }
}
