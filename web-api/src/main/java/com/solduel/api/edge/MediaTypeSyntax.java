package com.solduel.api.edge;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 9110 syntax of {@code Accept} and {@code Content-Type} (empty parameters, as in
 * {@code a/b;;}, are allowed by its grammar), checked before the runtime parses
 * them: the runtime answers some malformed values (a {@code q} that is not a number, a type
 * without subtype) with a 500 or an HTML page instead of a client error.
 */
public final class MediaTypeSyntax {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[\\t\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\t\\x20-\\x7e])*\"";
    private static final Pattern PARAMETER = Pattern.compile("[ \\t]*;[ \\t]*(?:(" + TOKEN + ")=(" + TOKEN + "|" + QUOTED + "))?");
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN);
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");
    private static final int MAX_LENGTH = 1024;

    private MediaTypeSyntax() {
    }

    /** A media type with parameters, as in {@code Content-Type}. */
    public static boolean isContentType(String value) {
        return value.length() <= MAX_LENGTH && isMediaType(value.strip());
    }

    /** A list of media ranges with optional weights, as in {@code Accept}; blank counts as absent. */
    public static boolean isAccept(String value) {
        if (value.length() > MAX_LENGTH) {
            return false;
        }
        if (value.isBlank()) {
            return true;
        }
        for (String range : value.split(",", -1)) {
            if (!isMediaType(range.strip())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMediaType(String value) {
        int semicolon = value.indexOf(';');
        String type = semicolon < 0 ? value : value.substring(0, semicolon).stripTrailing();
        if (!MEDIA_TYPE.matcher(type).matches()) {
            return false;
        }
        String parameters = semicolon < 0 ? "" : value.substring(semicolon);
        Matcher parameter = PARAMETER.matcher(parameters);
        int at = 0;
        while (at < parameters.length()) {
            if (!parameter.find(at) || parameter.start() != at || parameter.end() == at) {
                return false;
            }
            // RESTEasy reads q as a float in a Content-Type too: an unreadable one would be a 500
            if (parameter.group(1) != null && parameter.group(1).toLowerCase(Locale.ROOT).equals("q")
                    && !QVALUE.matcher(parameter.group(2)).matches()) {
                return false;
            }
            at = parameter.end();
        }
        return true;
    }
}
