package io.samokoder.rules.secrets;

import io.samokoder.i18n.Text;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.matching.match.BruteForceMatch;
import me.gosimple.nbvcxz.matching.match.DateMatch;
import me.gosimple.nbvcxz.matching.match.DictionaryMatch;
import me.gosimple.nbvcxz.matching.match.Match;
import me.gosimple.nbvcxz.matching.match.RepeatMatch;
import me.gosimple.nbvcxz.matching.match.SequenceMatch;
import me.gosimple.nbvcxz.matching.match.SpacialMatch;
import me.gosimple.nbvcxz.matching.match.YearMatch;
import me.gosimple.nbvcxz.matching.DateMatcher;
import me.gosimple.nbvcxz.matching.DictionaryMatcher;
import me.gosimple.nbvcxz.matching.PasswordMatcher;
import me.gosimple.nbvcxz.matching.RepeatMatcher;
import me.gosimple.nbvcxz.matching.SeparatorMatcher;
import me.gosimple.nbvcxz.matching.SequenceMatcher;
import me.gosimple.nbvcxz.matching.SpacialMatcher;
import me.gosimple.nbvcxz.matching.YearMatcher;
import me.gosimple.nbvcxz.resources.AdjacencyGraph;
import me.gosimple.nbvcxz.resources.AdjacencyGraphUtil;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.resources.DictionaryUtil;
import me.gosimple.nbvcxz.scoring.Result;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The second stage of {@link Weakness}: how many guesses an attacker needs for a value, estimated by nbvcxz (the
 * zxcvbn model: dictionaries of leaked passwords, English words and names, keyboard patterns, sequences, repeats,
 * years and dates, leet substitutions, with a brute-force cost by character set). It catches what the cheap checks
 * cannot: words glued together ({@code supersecretpassword}), an environment name and a word
 * ({@code staging_password}), keyboard walks ({@code zaq12wsxcde3}), repeats ({@code hunter2hunter2}) and leet
 * ({@code P4ssw0rd!P4ssw0rd!}).
 *
 * <p>The project's own words (its name, its services, users and environments, and the words setting names are made
 * of: secret, key, jwt, …) are an extra dictionary that costs an attacker nothing: whoever reads the repository knows
 * them. A value is weak when its estimate is below the threshold of its {@link Kind}.
 *
 * <p>Cost: the dictionaries are loaded once per JVM, at the first value that needs them, and only as much of them as
 * changes verdicts at these thresholds, which are far above any dictionary's size: the {@value #COMMON_PASSWORDS} most
 * common leaked passwords and the {@value #ENGLISH} most frequent English words, 8,000 words instead of the library's
 * 170,000 (a rarer word costs an attacker a few thousand more guesses, nothing at 10^12 and above; the sample values
 * of the tests are judged the same). The configuration is built here rather than by nbvcxz's
 * {@code ConfigurationBuilder}, whose static initializer reads all six dictionaries whatever is asked of it. The
 * estimator sees at most {@value #MAX_LENGTH} characters (a value that long whose first characters are guessable is
 * weak anyway), which bounds its time per value to milliseconds.
 */
final class Guessability {

    /** What the secret protects, which decides how many guesses it must withstand (log10 of the guesses). */
    enum Kind {
        /**
         * A password a service checks: attacked online, or offline against a leaked hash. 10^14 guesses are beyond
         * any online attack and a day of a fast offline one.
         */
        PASSWORD(14),
        /** An API token or client secret, checked by the service that issued it: attacked online only. */
        TOKEN(12),
        /**
         * A key that signs or encrypts (session cookies, JWTs): one captured token lets an attacker test keys offline
         * at GPU speed, 10^10 a second; 10^20 guesses take centuries.
         */
        SIGNING_KEY(20);

        final int log10Guesses;

        Kind(int log10Guesses) {
            this.log10Guesses = log10Guesses;
        }
    }

    /** The estimate of a value: log10 of the guesses and, when weak, why in words. */
    record Estimate(double log10Guesses, Optional<Text> weaknessText) {

        Optional<String> weakness() {
            return weaknessText.map(Text::english);
        }
    }

    static final int MAX_LENGTH = 40;
    /** Only the length cap bounds the search; a time limit would make the result depend on the machine's load. */
    private static final long NO_TIMEOUT_MS = 60_000;
    private static final String OWN_WORDS = "project";

    /**
     * Words of secret setting names, and the few that people put around them when they make a secret up ("this is my
     * super secure password"): a value made of them describes the setting instead of being random.
     */
    static final Set<String> SETTING_WORDS = Set.of("secret", "secrets", "key", "keys", "token", "tokens",
            "password", "passwd", "pass", "pwd", "pw", "jwt", "api", "apikey", "auth", "signing", "sign", "session",
            "cookie", "private", "access", "refresh", "client", "app", "admin", "root", "user", "db", "database",
            "encryption", "master", "hmac", "salt", "base", "credential", "credentials", "bot", "webhook", "smtp",
            "mail", "redis", "postgres", "mysql", "mongo", "rabbit", "rabbitmq", "minio", "grafana", "django",
            "flask", "rails", "laravel", "nextauth", "dev", "development", "prod", "production", "staging", "stage",
            "test", "testing", "qa", "uat", "ci", "local", "demo", "example", "sample", "default", "my", "your", "our",
            "this", "is", "the", "very", "super", "secure", "strong", "new", "change", "me");

    private final Set<String> ownWords;
    private volatile Nbvcxz estimator;

    Guessability(Collection<String> projectWords) {
        Set<String> words = new TreeSet<>(SETTING_WORDS);
        for (String w : projectWords) {
            for (String part : w.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                if (part.length() >= 3) {
                    words.add(part);
                }
            }
        }
        this.ownWords = words;
    }

    static final int COMMON_PASSWORDS = 3_000;
    static final int ENGLISH = 5_000;

    /** The library's dictionaries that are used, read at the first estimate of the JVM. */
    private static final class Dictionaries {
        static final List<Dictionary> USED = List.of(
                ranked("passwords", DictionaryUtil.passwords, COMMON_PASSWORDS),
                ranked("english", DictionaryUtil.english, ENGLISH));

        /** The first {@code limit} words of one of nbvcxz's word lists, ranked by their line. */
        private static Dictionary ranked(String name, String file, int limit) {
            Map<String, Integer> words = new HashMap<>();
            try (InputStream in = DictionaryUtil.class.getResourceAsStream("/dictionaries/" + file);
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                int rank = 0;
                while (rank < limit && (line = r.readLine()) != null) {
                    if (!line.isEmpty()) {
                        words.putIfAbsent(line.toLowerCase(Locale.ROOT), ++rank);
                    }
                }
            } catch (IOException | NullPointerException e) {
                throw new UncheckedIOException(new IOException("cannot read nbvcxz's " + file, e));
            }
            return new Dictionary(name, words, false);
        }
    }

    /** nbvcxz's default look-alike table: the characters people put in place of letters. */
    private static Map<Character, Character[]> leetTable() {
        Map<Character, Character[]> t = new HashMap<>();
        String[][] rows = {{"4", "a"}, {"@", "a"}, {"8", "b"}, {"(", "c"}, {"{", "c"}, {"[", "c"}, {"<", "c"},
            {"3", "e"}, {"9", "g"}, {"6", "g"}, {"&", "g"}, {"#", "h"}, {"!", "il"}, {"1", "il"}, {"|", "il"},
            {"0", "o"}, {"$", "s"}, {"5", "s"}, {"+", "t"}, {"7", "tl"}, {"%", "x"}, {"2", "z"}};
        for (String[] row : rows) {
            Character[] letters = new Character[row[1].length()];
            for (int i = 0; i < letters.length; i++) {
                letters[i] = row[1].charAt(i);
            }
            t.put(row[0].charAt(0), letters);
        }
        return t;
    }

    /** nbvcxz's default years, 1900-2029. */
    private static final Pattern YEARS = Pattern.compile("19\\d\\d|20[0-2]\\d");

    boolean built() {
        return estimator != null;
    }

    private Nbvcxz estimator() {
        Nbvcxz e = estimator;
        if (e == null) {
            synchronized (this) {
                e = estimator;
                if (e == null) {
                    List<Dictionary> dictionaries = new ArrayList<>(Dictionaries.USED);
                    dictionaries.add(new DictionaryBuilder().setDictionaryName(OWN_WORDS).setExclusion(true)
                            .addWords(ownWords, 0).createDictionary());
                    List<PasswordMatcher> matchers = List.of(new DateMatcher(), new YearMatcher(),
                            new RepeatMatcher(), new SequenceMatcher(), new SpacialMatcher(), new DictionaryMatcher(),
                            new SeparatorMatcher());
                    List<AdjacencyGraph> keyboards = List.of(new AdjacencyGraph("Qwerty", AdjacencyGraphUtil.qwerty),
                            new AdjacencyGraph("Standard Keypad", AdjacencyGraphUtil.standardKeypad),
                            new AdjacencyGraph("Mac Keypad", AdjacencyGraphUtil.macKeypad));
                    // guess types only serve nbvcxz's time-to-crack estimates, which are not asked for
                    e = new Nbvcxz(new Configuration(matchers, Map.of(), dictionaries, keyboards, leetTable(), YEARS,
                            35.0, MAX_LENGTH, Locale.ENGLISH, true, NO_TIMEOUT_MS));
                    estimator = e;
                }
            }
        }
        return e;
    }

    /** The estimate of a value judged as a secret of this kind. */
    Estimate estimate(String value, Kind kind) {
        Result r = estimator().estimate(value);
        double log10 = Math.log10(Math.max(1.0, r.getGuesses().doubleValue()));
        if (log10 >= kind.log10Guesses) {
            return new Estimate(log10, Optional.empty());
        }
        return new Estimate(log10, Optional.of(Text.of("secrets.guess.estimate", (int) Math.floor(log10),
                describe(r.getMatches()), Text.of("secrets.guess.kind." + kind.name()), kind.log10Guesses)));
    }

    /** What the value is made of, in words, without the value: "two dictionary words and a year". */
    static Text describe(List<Match> matches) {
        int common = 0;
        int words = 0;
        int own = 0;
        int names = 0;
        int leet = 0;
        int reversed = 0;
        int random = 0;
        List<Text> parts = new ArrayList<>();
        boolean year = false;
        boolean date = false;
        boolean sequence = false;
        boolean keyboard = false;
        boolean repeat = false;
        for (Match m : matches) {
            if (m instanceof DictionaryMatch d) {
                String dict = d.getDictionaryName();
                if (OWN_WORDS.equals(dict)) {
                    own++;
                } else if ("passwords".equals(dict)) {
                    common++;
                } else if (dict != null && dict.contains("name")) {
                    names++;
                } else {
                    words++;
                }
                if (d.isLeet()) {
                    leet++;
                }
                if (d.isReversed()) {
                    reversed++;
                }
            } else if (m instanceof YearMatch) {
                year = true;
            } else if (m instanceof DateMatch) {
                date = true;
            } else if (m instanceof SequenceMatch) {
                sequence = true;
            } else if (m instanceof SpacialMatch) {
                keyboard = true;
            } else if (m instanceof RepeatMatch) {
                repeat = true;
            } else if (m instanceof BruteForceMatch) {
                random++;
            }
        }
        if (common > 0) {
            parts.add(count(common, "common"));
        }
        if (own > 0) {
            parts.add(count(own, "own"));
        }
        if (words > 0) {
            parts.add(count(words, "word"));
        }
        if (names > 0) {
            parts.add(count(names, "name"));
        }
        if (keyboard) {
            parts.add(Text.of("secrets.guess.keyboard"));
        }
        if (sequence) {
            parts.add(Text.of("secrets.guess.sequence"));
        }
        if (repeat) {
            parts.add(Text.of("secrets.guess.repetition"));
        }
        if (year) {
            parts.add(Text.of("secrets.guess.year"));
        }
        if (date) {
            parts.add(Text.of("secrets.guess.date"));
        }
        if (random > 0) {
            parts.add(count(random, "other"));
        }
        if (parts.isEmpty()) {
            return Text.of("secrets.guess.predictable");
        }
        Text text = parts.size() == 1 ? parts.get(0)
                : Text.of("secrets.guess.and", parts.subList(0, parts.size() - 1), parts.get(parts.size() - 1));
        if (leet > 0) {
            text = Text.of("secrets.guess.leet", text);
        }
        if (reversed > 0) {
            text = Text.of("secrets.guess.reversed", text);
        }
        return text;
    }

    /** "a dictionary word", "two dictionary words", "7 dictionary words": numbers to six are words. */
    private static Text count(int n, String what) {
        if (n == 1) {
            return Text.of("secrets.guess." + what + ".one");
        }
        return Text.of("secrets.guess." + what + ".many", n < 7 ? Text.of("secrets.guess.number." + n)
                : Text.verbatim(String.valueOf(n)));
    }

    /**
     * Whether a value looks generated, so that no dictionary can hold it and the estimator is not asked: lower- or
     * upper-case hex of 16+ characters with letters and digits ({@code openssl rand -hex}), a UUID, or 16+ characters
     * of three classes (upper, lower, digits) that switch class at least every third character even with look-alike
     * digits read as letters ({@code openssl rand -base64}) and keep less than a third of their characters in
     * word-shaped runs ({@code Password}, {@code spring}). Words, even camel-cased or with {@code P4ssw0rd}-style
     * swaps, fail one of the two.
     */
    static boolean looksGenerated(String value) {
        int n = value.length();
        if (n < 16) {
            return false;
        }
        if (value.matches("[0-9a-f]{16,}|[0-9A-F]{16,}") && value.chars().anyMatch(Character::isDigit)
                && value.chars().anyMatch(Character::isLetter)) {
            return true;
        }
        if (value.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            return true;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        int switches = 0;
        int previous = -1;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
            digit |= Character.isDigit(c);
            int cls = characterClass(unleet(c));
            if (previous >= 0 && cls != previous) {
                switches++;
            }
            previous = cls;
        }
        if (!(upper && lower && digit && switches * 3 >= n - 1)) {
            return false;
        }
        java.util.regex.Matcher words = WORD_SHAPED.matcher(value);
        int inWords = 0;
        while (words.find()) {
            inWords += words.end() - words.start();
        }
        return inWords * 3 < n;
    }

    private static final java.util.regex.Pattern WORD_SHAPED = java.util.regex.Pattern.compile("[A-Z]?[a-z]{3,}");

    /** {@code 4 → a}, {@code 0 → o}, …: the look-alikes a person uses in a word. */
    private static char unleet(char c) {
        return switch (c) {
            case '4', '@' -> 'a';
            case '3' -> 'e';
            case '1', '!' -> 'i';
            case '0' -> 'o';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> c;
        };
    }

    private static int characterClass(char c) {
        if (Character.isUpperCase(c)) {
            return 0;
        }
        if (Character.isLowerCase(c)) {
            return 1;
        }
        return Character.isDigit(c) ? 2 : 3;
    }
}
