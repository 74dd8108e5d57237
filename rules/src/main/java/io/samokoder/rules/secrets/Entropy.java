package io.samokoder.rules.secrets;

/** Shannon entropy in bits per character, the measure gitleaks and detect-secrets use to tell keys from words. */
final class Entropy {

    private Entropy() {
    }

    static double shannon(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        java.util.HashMap<Character, int[]> counts = new java.util.HashMap<>();
        int[] ascii = new int[128];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                ascii[c]++;
            } else {
                counts.computeIfAbsent(c, k -> new int[1])[0]++;
            }
        }
        double h = 0;
        for (int count : ascii) {
            if (count > 0) {
                double p = (double) count / n;
                h -= p * Math.log(p);
            }
        }
        for (int[] count : counts.values()) {
            double p = (double) count[0] / n;
            h -= p * Math.log(p);
        }
        return h / Math.log(2);
    }

    static int distinct(CharSequence s) {
        return (int) s.chars().distinct().count();
    }
}
