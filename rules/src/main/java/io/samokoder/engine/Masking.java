package io.samokoder.engine;

/**
 * Masks secret values before they reach a finding. Shows at most the first two characters and the length
 * ({@code su***(11)}); values shorter than eight characters show no characters at all.
 */
public final class Masking {

    /** {@code scheme://userinfo@}: the userinfo runs to the last {@code @} of the authority (a password may hold one). */
    private static final java.util.regex.Pattern URL_USERINFO = java.util.regex.Pattern.compile(
            "([A-Za-z][A-Za-z0-9+.-]*://)([^\\s/?#@`'\"<>]*(?:@[^\\s/?#@`'\"<>]*)*)@"
                    + "(?=[^\\s@/?#`'\"<>]*(?:[/?#:\\s`'\"<>),;\\]]|$))");

    /**
     * {@code user:password@host} without a scheme, as a Prometheus target or a connection string holds it; not inside
     * a longer token, not an image's {@code name:tag@sha256:...}.
     */
    private static final java.util.regex.Pattern BARE_USERINFO = java.util.regex.Pattern.compile(
            "(?<![\\w.%+/:@~-])([A-Za-z0-9._~%+-]+):([^\\s/@`'\"<>]+)@(?!sha(?:256|384|512):)(?=[A-Za-z0-9\\[])");

    /** What {@link #mask} writes; a masked value is not masked again (a finding is rebuilt with each status). */
    private static final java.util.regex.Pattern MASKED = java.util.regex.Pattern.compile(".{0,2}\\*\\*\\*\\(\\d+\\)");

    /** A user name without a password that is this long is taken for a token ({@code https://ghp_...@github.com}). */
    private static final int TOKEN_USER_LENGTH = 16;

    private Masking() {
    }

    public static String mask(String secret) {
        if (secret == null) {
            return "***(0)";
        }
        int length = secret.codePointCount(0, secret.length());
        if (length < 8) {
            return "***(" + length + ")";
        }
        int end = secret.offsetByCodePoints(0, 2);
        return secret.substring(0, end) + "***(" + length + ")";
    }

    /**
     * Credentials in URLs masked wherever they appear in a text: the password of {@code scheme://user:password@host}
     * and of {@code user:password@host}, and a user name of token length that stands alone
     * ({@code https://TOKEN@host}). The user name and host stay readable. Applied to every finding's message when the
     * finding is created, so that no check can print a credential it quotes.
     */
    public static String maskUrlCredentials(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        java.util.regex.Matcher m = URL_USERINFO.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start(2)).append(maskUserinfo(m.group(2))).append('@');
            last = m.end();
        }
        String schemed = out.append(text, last, text.length()).toString();
        m = BARE_USERINFO.matcher(schemed);
        out = new StringBuilder(schemed.length());
        last = 0;
        while (m.find()) {
            String user = m.group(1);
            if (user.equalsIgnoreCase("mailto")) {
                continue;
            }
            out.append(schemed, last, m.start(2)).append(maskPassword(m.group(2)));
            last = m.end(2);
        }
        return out.append(schemed, last, schemed.length()).toString();
    }

    private static String maskUserinfo(String userinfo) {
        int colon = userinfo.indexOf(':');
        if (colon >= 0) {
            return userinfo.substring(0, colon + 1) + maskPassword(userinfo.substring(colon + 1));
        }
        return userinfo.length() >= TOKEN_USER_LENGTH && !MASKED.matcher(userinfo).matches()
                ? mask(userinfo) : userinfo;
    }

    private static String maskPassword(String password) {
        return password.isEmpty() || MASKED.matcher(password).matches() ? password : mask(password);
    }
}
