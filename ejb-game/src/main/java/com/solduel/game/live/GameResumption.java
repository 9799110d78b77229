package com.solduel.game.live;

import com.solduel.infra.db.SchemaMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** After a (re)start, picks up every game in progress so its turn timer and reconnect grace run again. */
@Startup
@Singleton
@DependsOn("SchemaMigrator")
public class GameResumption {

    @Inject
    GameHall hall;

    @Inject
    SchemaMigrator schema;

    @PostConstruct
    void resume() {
        if (schema.isMigrated()) {
            hall.resumeGamesInProgress();
        }
    }
}
