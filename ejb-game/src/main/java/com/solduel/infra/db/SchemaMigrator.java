package com.solduel.infra.db;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings the PostgreSQL schema up to date with Liquibase when the application starts, before
 * anything else touches the database. Hibernate validates nothing and creates nothing: Liquibase
 * owns the schema.
 */
@Startup
@Singleton
// Liquibase commits its own changes; under a container transaction Liberty would roll them back.
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    static final String DEFAULT_CONTEXT = "default";
    static final String CHANGELOG = "db/changelog/db.changelog-master.xml";
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "jdbc/solduel")
    DataSource dataSource;

    /** Liquibase contexts to run, e.g. {@code demo} for the local stack's demo players. */
    @Inject
    @ConfigProperty(name = "solduel.schema.contexts")
    Optional<String> contexts;

    private volatile boolean migrated;

    @PostConstruct
    void migrate() {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(CHANGELOG,
                    new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()), database);
            // Without contexts Liquibase would run every changeset, the demo data included.
            liquibase.update(new Contexts(contexts.orElse(DEFAULT_CONTEXT).trim()), new LabelExpression());
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("Database migration failed; the application cannot start. "
                    + "Check that PostgreSQL is running and the datasource settings are right: " + e.getMessage(), e);
        }
        migrated = true;
        LOG.info(() -> "Database schema is up to date (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
    }

    /** True once the schema has been migrated; the startup health check reports it. */
    public boolean isMigrated() {
        return migrated;
    }
}
