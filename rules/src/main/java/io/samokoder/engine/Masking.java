package io.samokoder.engine;

/**
 * Masks secret values before they reach a finding. Shows at most the first two characters and the length
 * ({@code su***(11)}); values shorter than eight characters show no characters at all.
 */
public final class Masking {

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
}
