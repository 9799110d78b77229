package com.solduel.api.input;

import com.solduel.money.LamportsJson;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** The API's one JSON-B configuration: the defaults plus the money types' exact bindings. */
@Provider
public class ApiJson implements ContextResolver<Jsonb> {

    static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withSerializers(new LamportsJson.Serializer())
            .withDeserializers(new LamportsJson.Deserializer()));

    /** The configuration the API writes its answers with, for a resource that encodes an answer itself. */
    public static Jsonb jsonb() {
        return JSONB;
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
