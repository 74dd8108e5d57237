package io.samokoder.model.alertmanager;

import io.samokoder.i18n.Text;
import io.samokoder.model.alertmanager.FieldTypes.Type;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * What an unexpanded placeholder does where it sits, decided the way the loader decides: Go's YAML decoding into an
 * int, bool or duration fails; {@code net.SplitHostPort} needs a port; Alertmanager's URL type needs an http(s)
 * scheme and a host, and Go's URL parser rejects braces in a host name. Everything else loads and is used literally.
 *
 * @param refusesToLoad whether the file will not load (Alertmanager exits / keeps the old config, amtool fails)
 * @param reason        why, in a few words, for the message
 */
public record PlaceholderEffect(boolean refusesToLoad, String reason, Text text) {

    public PlaceholderEffect(boolean refusesToLoad, Text text) {
        this(refusesToLoad, text.english(), text);
    }

    public static PlaceholderEffect of(Type type, String value, Predicate<String> definedName) {
        return switch (type) {
            case INT, FLOAT, BOOL, DURATION -> refuse(Text.of("model.effect.mustBeNotText", type.descriptionText()));
            case LABEL_NAME -> refuse(Text.of("model.effect.labelName"));
            case RECEIVER_REF, INTERVAL_REF -> definedName.test(value)
                    ? literal(Text.of("model.effect.nameLiteral"))
                    : refuse(Text.of("model.effect.undefinedName", type.descriptionText()));
            case URL, SECRET_URL -> url(value, true);
            case URL_LENIENT -> url(value, false);
            case HOST_PORT -> hostPort(value);
            case SECRET, STRING -> literal(Text.of("model.effect.none"));
            case MATCHER -> literal(Text.of("model.effect.matcher"));
            case REGEX -> literal(Text.of("model.effect.regex"));
            case PATH -> literal(Text.of("model.effect.path"));
        };
    }

    private static PlaceholderEffect refuse(Text reason) {
        return new PlaceholderEffect(true, reason);
    }

    private static PlaceholderEffect literal(Text reason) {
        return new PlaceholderEffect(false, reason);
    }

    /** Alertmanager's URL: url.Parse, then scheme http/https and a non-empty host; Prometheus' only url.Parse. */
    static PlaceholderEffect url(String value, boolean strict) {
        String v = value.trim();
        int sep = v.indexOf("://");
        String scheme = sep < 0 ? "" : v.substring(0, sep).toLowerCase(Locale.ROOT);
        if (sep >= 0) {
            String rest = v.substring(sep + 3);
            int end = rest.length();
            for (char c : new char[] {'/', '?', '#'}) {
                int i = rest.indexOf(c);
                if (i >= 0 && i < end) {
                    end = i;
                }
            }
            String authority = rest.substring(0, end);
            String host = authority.substring(authority.lastIndexOf('@') + 1);
            if (host.indexOf('{') >= 0 || host.indexOf('}') >= 0 || host.indexOf(' ') >= 0) {
                return refuse(Text.of("model.effect.urlBrace"));
            }
            if (strict && host.isEmpty()) {
                return refuse(Text.of("model.effect.urlNoHost"));
            }
        } else if (v.indexOf(':') > 0 && !v.startsWith("$") && v.indexOf(':') < firstOf(v, "/?#")) {
            scheme = v.substring(0, v.indexOf(':')).toLowerCase(Locale.ROOT);
        }
        if (strict && !scheme.equals("http") && !scheme.equals("https")) {
            return refuse(scheme.isEmpty() ? Text.of("model.effect.urlNoScheme")
                    : Text.of("model.effect.urlScheme", scheme));
        }
        return literal(Text.of("model.effect.urlLiteral"));
    }

    private static int firstOf(String v, String chars) {
        int best = v.length();
        for (char c : chars.toCharArray()) {
            int i = v.indexOf(c);
            if (i >= 0 && i < best) {
                best = i;
            }
        }
        return best;
    }

    /** Go's net.SplitHostPort, then Alertmanager's non-empty port check. */
    static PlaceholderEffect hostPort(String value) {
        String v = value.trim();
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0 || close + 1 >= v.length() || v.charAt(close + 1) != ':') {
                return refuse(Text.of("model.effect.hostPort.missing"));
            }
            return v.substring(close + 2).isEmpty() ? refuse(Text.of("model.effect.hostPort.empty"))
                    : literal(Text.of("model.effect.hostPort.smtp"));
        }
        int colon = v.lastIndexOf(':');
        if (colon < 0) {
            return refuse(Text.of("model.effect.hostPort.noPort"));
        }
        if (v.substring(0, colon).indexOf(':') >= 0) {
            return refuse(Text.of("model.effect.hostPort.colons"));
        }
        if (colon == v.length() - 1) {
            return refuse(Text.of("model.effect.hostPort.empty"));
        }
        return literal(Text.of("model.effect.hostPort.literal"));
    }
}
