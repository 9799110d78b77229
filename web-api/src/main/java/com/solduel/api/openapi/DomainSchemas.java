package com.solduel.api.openapi;

import com.solduel.admin.AdminDashboard;
import com.solduel.admin.AdminGames;
import com.solduel.admin.AdminPlayers;
import com.solduel.audit.AuditEntry;
import com.solduel.audit.AuditPage;
import com.solduel.auth.Challenge;
import com.solduel.auth.SignedIn;
import com.solduel.game.live.CreatedGame;
import com.solduel.game.live.GameSummary;
import com.solduel.game.live.JoinedGame;
import com.solduel.leaderboard.LeaderboardEntry;
import com.solduel.leaderboard.LeaderboardPage;
import com.solduel.leaderboard.LeaderboardsRebuilt;
import com.solduel.leaderboard.RebuiltBoard;
import com.solduel.matchmaking.MatchFound;
import com.solduel.matchmaking.MatchOpponent;
import com.solduel.matchmaking.QueueStatus;
import com.solduel.matchmaking.SearchRange;
import com.solduel.player.GameTypeStats;
import com.solduel.player.MatchHistoryEntry;
import com.solduel.player.MatchHistoryPage;
import com.solduel.player.PlayerBan;
import com.solduel.player.PlayerPage;
import com.solduel.player.PlayerProfile;
import com.solduel.player.RatingPoint;
import com.solduel.player.PlayerState;
import com.solduel.wager.DepositCredited;
import com.solduel.wager.DepositInstructions;
import com.solduel.wager.VaultInfo;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Adds the schemas of the answers that ejb-game defines ({@link CreatedGame}, {@link PlayerState}, ...)
 * to the OpenAPI document. Liberty's scanner only indexes the web module's own classes, so it sees
 * these records as an empty object; here they are read by reflection, with the {@code @Schema}
 * annotations on their components, so the document follows the records and cannot drift from them.
 */
public class DomainSchemas implements OASModelReader {

    /** The records of other modules that operations answer; referenced as {@code #/components/schemas/<simple name>}. */
    static final List<Class<? extends Record>> RECORDS = List.of(Challenge.class, SignedIn.class, PlayerState.class,
            PlayerPage.class, CreatedGame.class, JoinedGame.class, GameSummary.class, PlayerBan.class, PlayerProfile.class,
            GameTypeStats.class, RatingPoint.class, MatchHistoryPage.class, MatchHistoryEntry.class,
            LeaderboardPage.class, LeaderboardEntry.class, LeaderboardsRebuilt.class, RebuiltBoard.class,
            QueueStatus.class, MatchFound.class, MatchOpponent.class, SearchRange.class, VaultInfo.class,
            DepositInstructions.class, DepositCredited.class, AuditEntry.class, AuditPage.class, AdminGames.Game.class, AdminGames.Page.class, AdminGames.Action.class,
            AdminGames.Deposit.class, AdminGames.Payout.class, AdminGames.Detail.class, AdminPlayers.Player.class, AdminPlayers.Page.class,
            AdminDashboard.Summary.class, AdminDashboard.Games.class, AdminDashboard.Node.class, AdminDashboard.Queue.class,
            AdminDashboard.Endpoint.class, AdminDashboard.Payouts.class, AdminDashboard.Vault.class);

    @Override
    public OpenAPI buildModel() {
        var components = OASFactory.createComponents();
        for (Class<? extends Record> type : RECORDS) {
            components.addSchema(nameOf(type), schemaOf(type));
        }
        return OASFactory.createOpenAPI().components(components);
    }

    /** The schema's name: its {@code @Schema(name)} when given (nested records such as {@code AdminGames.Game}), else the simple name. */
    static String nameOf(Class<?> type) {
        var doc = type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return doc != null && !doc.name().isEmpty() ? doc.name() : type.getSimpleName();
    }

    static Schema schemaOf(Class<? extends Record> type) {
        Schema schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        var doc = type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        if (doc != null && !doc.description().isEmpty()) {
            schema.description(doc.description());
        }
        List<String> required = new ArrayList<>(doc == null ? List.of() : Arrays.asList(doc.requiredProperties()));
        for (RecordComponent component : type.getRecordComponents()) {
            Schema property = propertyOf(component.getGenericType());
            var annotation = fieldAnnotation(type, component.getName());
            if (annotation != null) {
                describe(property, annotation);
                if (annotation.required() && !required.contains(component.getName())) {
                    required.add(component.getName());
                }
            }
            if (component.getType().isPrimitive() && !required.contains(component.getName())) {
                required.add(component.getName());
            }
            schema.addProperty(component.getName(), property);
        }
        if (!required.isEmpty()) {
            schema.required(required);
        }
        return schema;
    }

    private static org.eclipse.microprofile.openapi.annotations.media.Schema fieldAnnotation(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            return field.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static void describe(Schema property, org.eclipse.microprofile.openapi.annotations.media.Schema annotation) {
        if (property.getRef() != null) {
            if (!annotation.description().isEmpty()) {
                // A $ref cannot carry siblings in OpenAPI 3.0; wrap it.
                Schema ref = OASFactory.createSchema().ref(property.getRef());
                property.ref(null).allOf(List.of(ref)).description(annotation.description());
            }
            return;
        }
        if (!annotation.description().isEmpty()) {
            property.description(annotation.description());
        }
        if (!annotation.format().isEmpty()) {
            property.format(annotation.format());
        }
        if (annotation.enumeration().length > 0 && property.getType() == Schema.SchemaType.STRING) {
            property.enumeration(new ArrayList<>(Arrays.asList((Object[]) annotation.enumeration())));
        }
        if (!annotation.example().isEmpty()) {
            property.example(example(property.getType(), annotation.example()));
        }
    }

    /** The example as the JSON value of the property's type (annotations carry text). */
    private static Object example(Schema.SchemaType type, String text) {
        if (type == Schema.SchemaType.INTEGER) {
            return Long.valueOf(text);
        }
        if (type == Schema.SchemaType.NUMBER) {
            return new BigDecimal(text);
        }
        if (type == Schema.SchemaType.BOOLEAN) {
            return Boolean.valueOf(text);
        }
        if (type == Schema.SchemaType.STRING) {
            return text;
        }
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
            return toPlain(reader.readValue());
        }
    }

    private static Object toPlain(jakarta.json.JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new java.util.LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, toPlain(v)));
                yield map;
            }
            case ARRAY -> value.asJsonArray().stream().map(DomainSchemas::toPlain).toList();
            case STRING -> ((jakarta.json.JsonString) value).getString();
            case NUMBER -> ((jakarta.json.JsonNumber) value).longValue();
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> null;
        };
    }

    private static Schema propertyOf(Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            Type[] args = generic.getActualTypeArguments();
            if (Map.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(Schema.SchemaType.OBJECT).additionalPropertiesSchema(propertyOf(args[1]));
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(propertyOf(args[0]));
            }
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING);
        }
        if (raw == int.class || raw == Integer.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32");
        }
        if (raw == long.class || raw == Long.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int64");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN);
        }
        if (raw == double.class || raw == Double.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.NUMBER).format("double");
        }
        if (raw == BigDecimal.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.NUMBER);
        }
        if (raw == Instant.class) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).format("date-time");
        }
        if (raw.isRecord()) {
            return OASFactory.createSchema().ref(nameOf(raw));
        }
        if (raw.isEnum()) {
            return OASFactory.createSchema().type(Schema.SchemaType.STRING).enumeration(
                    Arrays.stream(raw.getEnumConstants()).map(c -> (Object) ((Enum<?>) c).name()).toList());
        }
        if (jakarta.json.JsonValue.class.isAssignableFrom(raw)) {
            // Free-form JSON (e.g. an audit row's state before and after).
            return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
        }
        throw new IllegalStateException("no OpenAPI mapping for " + raw + "; extend DomainSchemas");
    }
}
