package com.solduel.api.input;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Integer path, query and header parameters ({@code page}, {@code size}, {@code {id}}) parsed
 * strictly. A refusal is a 400 problem {@code invalid-number} naming the parameter, where JAX-RS
 * would answer 404 for a path or query parameter it cannot convert.
 */
@Provider
public class StrictNumberParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!StrictNumbers.isIntegerType(rawType)) {
            return null;
        }
        String name = parameterName(annotations);
        return (ParamConverter<T>) new ParamConverter<Object>() {
            @Override
            public Object fromString(String value) {
                if (value == null) {
                    return rawType.isPrimitive() ? StrictNumbers.parse(name, "0", rawType) : null;
                }
                // The runtime wraps the refusal (in a 404 for path and query parameters, logged at
                // debug level only); ProblemMappers answers the wrapped InvalidFieldException.
                return StrictNumbers.parse(name, value, rawType);
            }

            @Override
            public String toString(Object value) {
                return String.valueOf(value);
            }
        };
    }

    static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam p) {
                return p.value();
            }
            if (annotation instanceof QueryParam q) {
                return q.value();
            }
            if (annotation instanceof HeaderParam h) {
                return h.value();
            }
            if (annotation instanceof FormParam f) {
                return f.value();
            }
            if (annotation instanceof MatrixParam m) {
                return m.value();
            }
            if (annotation instanceof CookieParam c) {
                return c.value();
            }
        }
        return "parameter";
    }
}
