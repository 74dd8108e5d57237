package io.samokoder.rules.secrets;

import io.samokoder.i18n.Text;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Masking;
import io.samokoder.model.settings.FileSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a secret value is weak, in two stages. The cheap checks first: a dictionary or vendor default (the
 * bundled {@code weak-values.txt}, the user's {@value #OPTION} file, the project's name), equal to its user name, too
 * short (12 for passwords, 32 for signing keys), of low entropy, or a test/example value ({@code test-secret-key-…},
 * {@code django-insecure-…}). A value they leave undecided and that does not look generated (hex, a UUID, mixed-case
 * base64) goes to the {@link Guessability} estimate, with the project's own words as a free dictionary. Reasons never
 * contain the value, only its mask.
 */
public final class Weakness {

    public static final String OPTION = "secrets.weakValues";
    public static final String PROJECT_OPTION = "secrets.projectName";
    public static final io.samokoder.engine.RuleOption WEAK_VALUES = io.samokoder.engine.RuleOption.of(OPTION,
            io.samokoder.engine.RuleOption.Type.PATH, "", "A file in the repository of further weak values, one per"
                    + " line, added to the built-in dictionary.");
    public static final io.samokoder.engine.RuleOption PROJECT_NAMES = io.samokoder.engine.RuleOption.of(
            PROJECT_OPTION, io.samokoder.engine.RuleOption.Type.LIST, "", "Names that must not be passwords, besides"
                    + " the repository folder's name and compose's top-level name.");
    public static final int MIN_PASSWORD = 12;
    public static final int MIN_SIGNING_KEY = 32;
    static final double LOW_ENTROPY = 2.5;
    private static final String RESOURCE = "/io/samokoder/rules/secrets/weak-values.txt";
    private static final Set<String> MARKERS = Set.of("test", "testing", "tests", "example", "sample", "dummy", "fake",
            "insecure", "changeme", "placeholder", "demo", "default", "dev", "local", "localhost", "unsafe", "notsecret",
            "changeit", "temp", "tmp", "mock");
    private static volatile Set<String> builtIn;
    private static volatile List<String> builtInOrdered;
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[-_.:/ ]+");

    private final Set<String> dictionary;
    private final Set<String> projectNames;
    private final java.util.function.Supplier<Collection<String>> ownWords;
    private final List<String> extraValues;
    private volatile Collection<String> ownWordsRead;
    private volatile Guessability guessability;

    Weakness(Set<String> dictionary, Set<String> projectNames) {
        this(dictionary, projectNames, List::of);
    }

    Weakness(Set<String> dictionary, Set<String> projectNames,
             java.util.function.Supplier<Collection<String>> ownWords) {
        this(dictionary, projectNames, ownWords, List.of());
    }

    /**
     * @param ownWords the project's words besides its names (services, user names), asked for at the first value that
     *                 needs the estimator
     */
    Weakness(Set<String> dictionary, Set<String> projectNames,
             java.util.function.Supplier<Collection<String>> ownWords, List<String> extraValues) {
        this.dictionary = dictionary;
        this.projectNames = projectNames;
        this.ownWords = ownWords;
        this.extraValues = List.copyOf(extraValues);
    }

    /** The project's words besides its names, read once at the first value that needs them. */
    private Collection<String> ownWords() {
        Collection<String> w = ownWordsRead;
        if (w == null) {
            synchronized (this) {
                w = ownWordsRead;
                if (w == null) {
                    w = List.copyOf(ownWords.get());
                    ownWordsRead = w;
                }
            }
        }
        return w;
    }

    /**
     * The weak values in the order a password guesser tries them: the built-in list in its file order (most common
     * first), then the values of the {@value #OPTION} file, sorted.
     */
    List<String> dictionaryInOrder() {
        List<String> out = new ArrayList<>(builtInOrdered());
        out.addAll(extraValues);
        return out;
    }

    /** The project's names, its compose services and the values of its user settings, sorted. */
    List<String> projectWords() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(projectNames);
        java.util.TreeSet<String> own = new java.util.TreeSet<>(ownWords());
        own.removeAll(names);
        List<String> out = new ArrayList<>(names);
        out.addAll(own);
        return out;
    }

    /** Whether a value has needed the estimator yet (its dictionaries are read at the first). */
    boolean estimatorUsed() {
        return guessability != null && guessability.built();
    }

    private Guessability guessability() {
        Guessability g = guessability;
        if (g == null) {
            synchronized (this) {
                g = guessability;
                if (g == null) {
                    Set<String> words = new HashSet<>(projectNames);
                    words.addAll(ownWords());
                    g = new Guessability(words);
                    guessability = g;
                }
            }
        }
        return g;
    }

    public static Weakness of(AuditContext context) {
        return context.model(Weakness.class, ctx -> {
            Set<String> dict = new HashSet<>(builtIn());
            java.util.TreeSet<String> extra = new java.util.TreeSet<>();
            String file = ctx.config().optionOr(OPTION, "").trim();
            if (!file.isEmpty()) {
                try {
                    extra.addAll(parse(io.samokoder.workspace.BoundedFiles.readString(
                            ctx.workspace().root().resolve(file), ctx.config().maxFileSize(), ctx.workspace().root())));
                    extra.removeAll(dict);
                    dict.addAll(extra);
                } catch (IOException e) {
                    // an unreadable extension file leaves the built-in list; the rule documents the option
                }
            }
            Set<String> names = new HashSet<>();
            Path root = ctx.workspace().root();
            if (root.getFileName() != null) {
                addProjectName(names, root.getFileName().toString());
            }
            for (String n : ctx.config().optionOr(PROJECT_OPTION, "").split(",")) {
                addProjectName(names, n);
            }
            Set<String> services = new HashSet<>();
            for (io.samokoder.engine.SourceFile f : ctx.workspace().files()) {
                if (io.samokoder.workspace.FileKinds.isCompose(f.path()) && f.size() < FileSettings.MAX_SIZE) {
                    Map<String, org.yaml.snakeyaml.nodes.Node> top = ctx.yaml(f).rootMapping();
                    io.samokoder.engine.yaml.YamlDocument.scalar(top.get("name"))
                            .ifPresent(n -> addProjectName(names, n)); // compose's top-level project name
                    services.addAll(io.samokoder.engine.yaml.YamlDocument.mapping(top.get("services")).keySet());
                }
            }
            return new Weakness(Set.copyOf(dict), names, () -> ownWords(ctx, services), List.copyOf(extra));
        });
    }

    /** Service names and the values of user-name settings: words anyone reading the repository knows. */
    private static Collection<String> ownWords(AuditContext ctx, Set<String> services) {
        Set<String> words = new HashSet<>(services);
        for (io.samokoder.engine.SourceFile f : ctx.workspace().files()) {
            if (FileSettings.kindOf(f.path()) == FileSettings.Kind.NONE) {
                continue;
            }
            for (io.samokoder.model.settings.Setting s : FileSettings.of(ctx, f).settings()) {
                String v = s.value().strip();
                if (SecretNames.isUser(s.name()) && v.length() >= 3 && v.length() <= 40 && !v.contains("$")) {
                    words.add(v);
                }
            }
        }
        return words;
    }

    /** The name, and its first word when it is a real word ({@code samokoder-seed} → {@code samokoder}). */
    static void addProjectName(Set<String> names, String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.length() < 3) {
            return;
        }
        names.add(n);
        names.add(n.replaceAll("[^a-z0-9]", ""));
        String[] parts = n.split("[^a-z0-9]+");
        if (parts.length > 1 && parts[0].length() >= 4) {
            names.add(parts[0]);
        }
    }

    void addProjectNames(Collection<String> names) {
        names.forEach(n -> addProjectName(projectNames, n));
    }

    static Set<String> builtIn() {
        Set<String> b = builtIn;
        if (b == null) {
            b = Set.copyOf(builtInOrdered());
            builtIn = b;
        }
        return b;
    }

    /** The built-in weak values in their file order (most common first). */
    static List<String> builtInOrdered() {
        List<String> b = builtInOrdered;
        if (b == null) {
            try (InputStream in = Weakness.class.getResourceAsStream(RESOURCE)) {
                b = List.copyOf(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("cannot read " + RESOURCE, e);
            }
            builtInOrdered = b;
        }
        return b;
    }

    /** The values of a weak-values file, lower-cased, in file order without repeats. */
    static java.util.LinkedHashSet<String> parse(String text) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .forEach(l -> out.add(l.toLowerCase(Locale.ROOT)));
        return out;
    }

    /**
     * Why the value is weak, or empty when it is not.
     *
     * @param users values of user-name settings next to it (same mapping, file or URL)
     */
    public Optional<String> reason(String name, String value, Collection<String> users) {
        return reason(name, value, users, kindOf(name));
    }

    /** What a secret of this name protects: a signing key, a password, or else a token. */
    static Guessability.Kind kindOf(String name) {
        if (SecretNames.isSigningKey(name)) {
            return Guessability.Kind.SIGNING_KEY;
        }
        return SecretNames.isPassword(name) ? Guessability.Kind.PASSWORD : Guessability.Kind.TOKEN;
    }

    /** Why the value is weak as a secret of the given kind, or empty when it is not. */
    public Optional<String> reason(String name, String value, Collection<String> users, Guessability.Kind kind) {
        return reasonText(name, value, users, kind).map(Text::english);
    }

    /** {@link #reason(String, String, Collection, Guessability.Kind)} for reports in every language. */
    public Optional<Text> reasonText(String name, String value, Collection<String> users, Guessability.Kind kind) {
        String masked = Masking.mask(value);
        String lower = value.toLowerCase(Locale.ROOT);
        int length = value.codePointCount(0, value.length());
        if (isDictionary(lower)) {
            return Optional.of(Text.of("secrets.weak.dictionary", masked));
        }
        if (projectNames.contains(lower) || projectNames.contains(stripSuffix(lower))) {
            return Optional.of(Text.of("secrets.weak.projectName", masked));
        }
        if (lower.equals(name.toLowerCase(Locale.ROOT))) {
            return Optional.of(Text.of("secrets.weak.ownName", masked));
        }
        for (String user : users) {
            if (user != null && !user.isEmpty() && user.equalsIgnoreCase(value)) {
                return Optional.of(Text.of("secrets.weak.userName", masked));
            }
        }
        if (SecretNames.isSigningKey(name) && length < MIN_SIGNING_KEY) {
            return Optional.of(Text.of("secrets.weak.signingKeyShort", masked, MIN_SIGNING_KEY));
        }
        if (length < MIN_PASSWORD) {
            return Optional.of(Text.of("secrets.weak.short", masked, MIN_PASSWORD));
        }
        double entropy = Entropy.shannon(value);
        if (entropy < LOW_ENTROPY || Entropy.distinct(value) <= 4) {
            return Optional.of(Text.of("secrets.weak.lowEntropy", String.format(Locale.ROOT, "%.1f", entropy), masked));
        }
        if (isSequence(lower)) {
            return Optional.of(Text.of("secrets.weak.sequence", masked));
        }
        if (hasMarker(lower)) {
            return Optional.of(Text.of("secrets.weak.testValue", masked));
        }
        if (looksGenerated(value)) {
            return Optional.empty();
        }
        return guessability().estimate(value, kind).weaknessText()
                .map(w -> Text.of("secrets.weak.guessable", w, masked));
    }

    /**
     * Values no dictionary holds, decided without the estimator: generated keys ({@link Guessability#looksGenerated})
     * and provider tokens (their format is checked by {@code secrets/known-token}).
     */
    static boolean looksGenerated(String value) {
        return Guessability.looksGenerated(value) || TokenCatalog.builtIn().matchesAny(value);
    }

    boolean isDictionary(String lower) {
        return dictionary.contains(lower) || dictionary.contains(stripSuffix(lower));
    }

    /** {@code admin123!} → {@code admin}: a dictionary word with digits or punctuation appended. */
    static String stripSuffix(String lower) {
        int end = lower.length();
        while (end > 0 && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return end == 0 ? lower : lower.substring(0, end);
    }

    private static final List<String> SEQUENCES = List.of("abcdefghijklmnopqrstuvwxyz", "01234567890",
            "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn", "zyxwvutsrqponmlkjihgfedcba", "9876543210");

    static boolean isSequence(String lower) {
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        String alnum = sb.toString();
        if (alnum.length() < 6) {
            return false;
        }
        for (String s : SEQUENCES) {
            if (s.contains(alnum)) {
                return true;
            }
        }
        return false;
    }

    /** Test or example words among the parts of a value: {@code test-secret-key-…}, {@code django-insecure-…}. */
    static boolean hasMarker(String lower) {
        String[] parts = SEPARATORS.split(lower);
        if (parts.length < 2) {
            return false;
        }
        for (String p : parts) {
            if (MARKERS.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** Looks like a real secret: long, high entropy, not weak. Used for templates, where placeholders are expected. */
    public boolean looksReal(String name, String value) {
        if (value.length() < 16 || Entropy.shannon(value) < 3.5 || isPlaceholderLike(value)) {
            return false;
        }
        return reason(name, value, List.of()).isEmpty();
    }

    private static boolean isPlaceholderLike(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.contains("your") || lower.contains("change") || lower.contains("example")
                || lower.contains("replace") || lower.contains("generate") || lower.contains("insert");
    }
}
