package com.solduel.it.probe;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Writes a player and a tournament organised by that player in one JTA transaction. */
@ApplicationScoped
public class TwoTableWriter {

    @Resource(lookup = "jdbc/solduel")
    DataSource dataSource;

    @Transactional
    public void write(String wallet, String tournament, boolean failAfterBothWrites) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int playerId;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO players (wallet_address) VALUES (?) RETURNING id")) {
                insert.setString(1, wallet);
                var rs = insert.executeQuery();
                rs.next();
                playerId = rs.getInt(1);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tournaments "
                    + "(name, organizer_id, entry_fee, prize_pool, max_participants, status) "
                    + "VALUES (?, ?, 0, 0, 8, 'REGISTRATION')")) {
                insert.setString(1, tournament);
                insert.setInt(2, playerId);
                insert.executeUpdate();
            }
        }
        if (failAfterBothWrites) {
            throw new IllegalStateException("failure injected after both rows were written");
        }
    }
}
