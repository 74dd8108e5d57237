package io.samokoder.engine;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …" for a name that is not one of the known ones: a typo is an error, and the error names the fix. */
public final class Suggestions {

    private Suggestions() {
    }

    /** {@code " (did you mean 'x'?)"} for the closest known name, or an empty string when none is close. */
    public static String didYouMean(String name, Collection<String> known) {
        LevenshteinDistance d = LevenshteinDistance.getDefaultInstance();
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            String kl = k.toLowerCase(Locale.ROOT);
            int common = 0;
            while (common < Math.min(kl.length(), lower.length()) && kl.charAt(common) == lower.charAt(common)) {
                common++;
            }
            int dist = d.apply(lower, kl);
            // a prefix or a long common start is what a truncated or mistyped end looks like
            if (kl.startsWith(lower) || lower.startsWith(kl)) {
                dist = Math.min(dist, 1);
            } else if (common * 3 >= lower.length() * 2) {
                dist = Math.min(dist, 2);
            }
            if (dist < bestD) {
                bestD = dist;
                best = k;
            }
        }
        return best == null || bestD > Math.max(3, name.length() / 3) ? "" : " (did you mean '" + best + "'?)";
    }
}
