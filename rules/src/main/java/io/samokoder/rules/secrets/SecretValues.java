package io.samokoder.rules.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a setting's value means for secrets: a literal, an interpolation with or without a default
 * ({@code ${X:-default}}, Spring's {@code ${x:default}}), a reference to a secret store or file, a template
 * placeholder, or a URL carrying credentials.
 */
public final class SecretValues {

    /**
     * A value to judge: the setting name it belongs to, the value, its offset inside the raw value; {@code command}
     * when the value is the text of a shell command that the tool reading the file does not run
     * ({@code ${SECRET:-$(openssl rand -hex 32)}} in a compose file).
     */
    public record Candidate(String name, String value, int offset, Kind kind, String user, boolean command) {
        public Candidate(String name, String value, int offset, Kind kind, String user) {
            this(name, value, offset, kind, user, false);
        }
    }

    public enum Kind {
        /** The value as written. */
        LITERAL,
        /** The default of an interpolation, used whenever the variable is unset. */
        DEFAULT,
        /** The password part of {@code scheme://user:password@host}. */
        URL_PASSWORD
    }

    /**
     * {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:=default}} (group 1 the variable, 2 the
     * operator), Spring {@code ${name:default}} (group 3 the property, 4 the colon); group 5 the default. The shell's
     * {@code -} and {@code =} follow a variable name only: in {@code ${tenant.read-only-password}} (a Spring property)
     * the {@code -} is part of the name.
     */
    private static final Pattern INTERPOLATION = Pattern.compile(
            "\\$\\{(?:([A-Za-z_][A-Za-z0-9_]{0,100})(:?[-=])|([A-Za-z_][A-Za-z0-9_.-]{0,100})(:(?![?])))"
                    + "([^}]{0,500})\\}");
    /** The OpenTelemetry Collector's and Log4j's lookup {@code ${env:NAME}} and its default {@code ${env:NAME:-x}}. */
    private static final Pattern ENV_LOOKUP = Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,100})(?::-(.*))?");
    /** Variables, expressions and templates; {@code ${2}}, {@code ${1:-x}}, {@code ${@}}: a script's parameters. */
    private static final Pattern ANY_REFERENCE = Pattern.compile(
            "\\$\\{\\{|\\$\\{[A-Za-z_0-9@*#?!]|\\$[A-Za-z_0-9@*#?]|\\$\\(|`|\\{\\{|\\{%|%\\([A-Za-z_]+\\)s|#\\{|<%=?");
    /**
     * An absolute file path: a file-system root every Unix image has, or a last segment with a file extension
     * ({@code /tmp/mail/sasl-password.cf}). A setting named for a password that holds a path names the file that
     * holds it.
     */
    private static final Pattern FILE_PATH = Pattern.compile(
            "(?:~?/(?:etc|tmp|var|run|opt|usr|home|srv|mnt|root|data|app|config|secrets|certs)(?:/[A-Za-z0-9._@+-]{1,200}){1,30}"
                    + "|~?(?:/[A-Za-z0-9_@+-][A-Za-z0-9._@+-]{0,200}){2,30}\\.[A-Za-z][A-Za-z0-9]{0,5})/?");
    private static final Pattern URL_CREDENTIALS = Pattern.compile(
            "(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,30}://([^:@/\\s'\"<>]{1,100}):([^@/\\s'\"<>]{1,200})@[A-Za-z0-9.\\[_-]");
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]{1,30}://");
    private static final Pattern PLACEHOLDER_SCHEME = Pattern.compile("(?i)(?:driver|scheme|protocol|dialect)://");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)<[^<>]{1,100}>|your[-_ .][^\\s]{0,80}|[^\\s]{0,80}[-_]here|\\{\\{.{0,200}\\}\\}|%\\([A-Za-z_]+\\)s|@[A-Za-z_]+@"
                    + "|__[A-Za-z_]+__|x{3,}|\\*{3,}|\\.{3}|…|todo|tbd|fixme|n/a|\\[redacted\\]|redacted|\\[hidden\\]"
                    + "|set[-_ ]?me|fill[-_ ]?(?:me|in)|to[-_ ]be[-_ ](?:set|filled|replaced)|placeholder");
    private static final Set<String> BOOLEANS = Set.of("true", "false", "yes", "no", "on", "off", "null", "~", "nil",
            "required", "optional", "enabled", "disabled", "basic", "bearer", "digest", "oauth", "oauth2", "md5",
            "scram-sha-256", "trust", "peer", "ident", "none");
    private static final Pattern STORE_REFERENCE = Pattern.compile(
            "(?i)^(?:/run/secrets/|/var/run/secrets/|vault:|!vault|enc\\[|arn:aws:(?:secretsmanager|ssm|kms):|"
                    + "secretsmanager:|ssm:|sops:|projects/[^/]+/secrets/|keyvault:|op://|gcp:secretmanager|"
                    + "azurekeyvault|file:|env:|sm://|lockbox:|classpath\\*?:)");

    private SecretValues() {
    }

    /** Unquoted, trimmed; null for values that never need judging (empty, booleans, store references). */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        if (v.isEmpty() || v.indexOf('\n') >= 0) {
            return null;
        }
        return v;
    }

    private static final Pattern CHANGE_ME = Pattern.compile(
            "(?i)(?:please[-_ ]?)?(?:change|replace|update|set)[-_ ]?(?:me|this|it|me[-_ ]?now|before[-_ ]?deploy\\w*)"
                    + "(?:[-_ ]\\w{0,60})?|changeme\\w{0,60}|change_?me_?\\w{0,60}");

    /** A placeholder that asks to be replaced: {@code changeme}, {@code changethis}, {@code CHANGE_ME_DB_PASSWORD}. */
    public static boolean isChangeMe(String value) {
        return CHANGE_ME.matcher(value.strip()).matches();
    }

    /** A template placeholder, not a value: {@code <change-me>}, {@code your-secret-here}, {@code {{ x }}}, {@code xxx}. */
    public static boolean isPlaceholder(String value) {
        String v = value.strip();
        Matcher m = PLACEHOLDER.matcher(v);
        return m.matches() || v.startsWith("<") && v.endsWith(">") || v.toLowerCase(Locale.ROOT).startsWith("your")
                && v.toLowerCase(Locale.ROOT).endsWith("here") || v.contains("{{") && v.contains("}}")
                || v.matches("(?i)x{3,}|\\*{3,}|\\.{3}|[-_]+|[x*]{3,}(?:[-_.:][x*]+)+");
    }

    /** A reference to a secret store, mounted file or a variable — the value itself is not a secret. */
    public static boolean isStoreReference(String value) {
        return STORE_REFERENCE.matcher(value.strip()).find();
    }

    /** Whether the value refers to a variable, expression or template ({@code ${X}}, {@code ${{ secrets.X }}}, {@code $X}). */
    public static boolean hasReference(String value) {
        return ANY_REFERENCE.matcher(value).find();
    }

    /** A secret-looking literal somebody wrote down: neither empty, a placeholder, a reference nor a boolean. */
    public static boolean isLiteral(String value) {
        String v = clean(value);
        return v != null && !hasReference(v) && isWrittenValue(v);
    }

    /**
     * A literal that no reader interpolates (a single-quoted dotenv value): {@code $} in it is a character of the
     * secret, not a reference.
     */
    public static boolean isVerbatimLiteral(String value) {
        String v = clean(value);
        return v != null && isWrittenValue(v);
    }

    private static boolean isWrittenValue(String v) {
        return !isPlaceholder(v) && !isStoreReference(v) && !isFilePath(v)
                && !BOOLEANS.contains(v.toLowerCase(Locale.ROOT));
    }

    /** An absolute file path ({@code /tmp/mail/sasl-password.cf}): the file holds the secret, the value does not. */
    public static boolean isFilePath(String value) {
        return FILE_PATH.matcher(value.strip()).matches();
    }

    /**
     * The values of one setting that may be weak: interpolation defaults (named after their variable, which also keeps
     * the setting's name), a literal value when there is no interpolation, and URL passwords.
     */
    public static List<Candidate> candidates(String name, String raw) {
        return candidates(name, raw, false);
    }

    private static final Pattern COMMAND = Pattern.compile("\\$\\([^()]{1,300}\\)|`[^`]{1,300}`");

    /**
     * The candidates of a setting; with {@code literalCommands} (compose files, whose interpolation knows no command
     * substitution) a {@code $(…)} or backquoted default or value is that fixed text, a candidate of its own.
     */
    public static List<Candidate> candidates(String name, String raw, boolean literalCommands) {
        return candidates(name, raw, literalCommands, Dialect.ANY);
    }

    /** Whose interpolation syntax a file uses. */
    public enum Dialect {
        /** Shell, compose and dotenv operators ({@code :-}, {@code -}, {@code :=}, {@code =}) and Spring's {@code :}. */
        ANY,
        /** Spring Boot's property placeholders: {@code ${name:default}} only. */
        SPRING,
        /**
         * A shell script: the default of {@code ${X:-"word"}} is a shell word, whose quotes the shell removes
         * ({@code ${X:-""}} defaults to nothing, {@code ${X:-'a b'}} to {@code a b}).
         */
        SHELL
    }

    /** The candidates of a setting in a file of the given interpolation dialect. */
    public static List<Candidate> candidates(String name, String raw, boolean literalCommands, Dialect dialect) {
        List<Candidate> out = new ArrayList<>();
        if (literalCommands) {
            String v = clean(raw);
            if (v != null && (SecretNames.isSecret(name) || v.contains("${"))) {
                Matcher cm = COMMAND.matcher(v);
                if (cm.find() && !v.contains("${{")) {
                    out.add(new Candidate(name, cm.group(), cm.start(), Kind.LITERAL, null, true));
                    return out;
                }
            }
        }
        String v = clean(raw);
        if (v == null || v.contains("${{")) {
            return out;
        }
        Matcher m = INTERPOLATION.matcher(v);
        boolean interpolated = false;
        List<Candidate> throughName = new ArrayList<>();
        boolean secretVariable = false;
        while (m.find()) {
            interpolated = true;
            boolean shellOperator = m.group(1) != null;
            String variable = shellOperator ? m.group(1) : m.group(3);
            String def = m.group(5);
            int defAt = m.start(5);
            if (shellOperator && dialect == Dialect.SPRING && m.group(2).length() == 1) {
                continue; // Spring's only default operator is ':': ${name-x} names a property "name-x"
            }
            if (!shellOperator && variable.equals("env")) {
                // ${env:NAME} reads NAME (the Collector, Log4j); only ${env:NAME:-default} has a default
                Matcher lookup = ENV_LOOKUP.matcher(def);
                if (!lookup.matches() || lookup.group(2) == null) {
                    continue;
                }
                variable = lookup.group(1);
                def = lookup.group(2);
                defAt = m.start(5) + lookup.start(2);
            }
            secretVariable |= SecretNames.isSecret(variable);
            if (dialect == Dialect.SHELL && def != null) {
                String word = shellWord(def);
                if (word == null) {
                    continue; // a quote left open: not a default the shell would accept as written
                }
                if (!word.equals(def)) {
                    defAt += def.charAt(0) == '"' || def.charAt(0) == '\'' ? 1 : 0; // the value after its quote
                    def = word;
                }
            }
            if (def == null || def.isEmpty() || hasReference(def) || isPlaceholder(def) || isFilePath(def)
                    || SecretNames.isConnectionString(variable) && !isConnectionValue(def)) {
                continue;
            }
            String user = urlUserBefore(v, m.start());
            if (user != null) {
                out.add(new Candidate(variable, def, defAt, Kind.URL_PASSWORD, user));
            } else if (SecretNames.isSecret(variable)) {
                out.add(new Candidate(variable, def, defAt, Kind.DEFAULT, null));
            } else if (SecretNames.isSecret(name) && !SecretNames.isUser(variable)) {
                throughName.add(new Candidate(name, def, defAt, Kind.DEFAULT, null));
            }
        }
        if (!secretVariable) {
            // ${NEO4J_USERNAME-neo4j}/${NEO4J_PASSWORD-x}: where a secret variable is named, the others are not it
            out.addAll(throughName);
        }
        Matcher u = URL_CREDENTIALS.matcher(v);
        boolean url = URL.matcher(v).find();
        while (u.find()) {
            String password = u.group(2);
            if (PLACEHOLDER_SCHEME.matcher(v).region(u.start(), v.length()).lookingAt()) {
                continue; // driver://user:pass@localhost/dbname: Alembic's placeholder for a URL
            }
            if (!hasReference(password) && !password.isEmpty() && !isPlaceholder(password)) {
                out.add(new Candidate(name, password, u.start(2), Kind.URL_PASSWORD, u.group(1)));
            }
        }
        if (!interpolated && !url && !hasReference(v) && SecretNames.isSecret(name) && !SecretNames.isFileReference(name)
                && !(SecretNames.isConnectionString(name) && !isConnectionValue(v))
                && !isPlaceholder(v) && !isFilePath(v) && !isStoreReference(v) && !BOOLEANS.contains(v.toLowerCase(Locale.ROOT))) {
            out.add(new Candidate(name, v, 0, Kind.LITERAL, null));
        }
        return out;
    }

    /** Whether a connection string's value could carry a credential: a URL, or {@code user:password@host}. */
    private static boolean isConnectionValue(String value) {
        return value.contains("://") || value.contains("@") || value.contains("=");
    }

    /**
     * A shell word with its quoting removed as the shell removes it: {@code "zabbix"} is {@code zabbix},
     * {@code ""} is empty, {@code 'a b'} is {@code a b}, {@code \$} is {@code $}; null when a quote is left open.
     */
    static String shellWord(String word) {
        StringBuilder out = new StringBuilder(word.length());
        char quote = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    out.append(c);
                }
            } else if (c == '\\' && i + 1 < word.length()
                    && (quote == 0 || "$`\"\\".indexOf(word.charAt(i + 1)) >= 0)) {
                out.append(word.charAt(++i));
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    out.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else {
                out.append(c);
            }
        }
        return quote == 0 ? out.toString() : null;
    }

    /** {@code scheme://user:${P:-x}@}: the user when the interpolation at {@code at} is a URL's password. */
    private static String urlUserBefore(String v, int at) {
        int scheme = v.lastIndexOf("://", at);
        if (scheme < 0) {
            return null;
        }
        String between = v.substring(scheme + 3, at);
        if (!between.endsWith(":") || between.indexOf('@') >= 0 || between.indexOf('/') >= 0) {
            return null;
        }
        int close = v.indexOf('}', at);
        if (close < 0 || close + 1 >= v.length() || v.charAt(close + 1) != '@') {
            return null;
        }
        return between.substring(0, between.length() - 1);
    }

    /** A URL password (literal, without references) in a value, for hard-coded checks. */
    public static boolean hasLiteralUrlPassword(String raw) {
        String v = clean(raw);
        if (v == null) {
            return false;
        }
        Matcher u = URL_CREDENTIALS.matcher(v);
        while (u.find()) {
            if (PLACEHOLDER_SCHEME.matcher(v).region(u.start(), v.length()).lookingAt()) {
                continue;
            }
            String password = u.group(2);
            if (!hasReference(password) && !isPlaceholder(password)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,60}");

    /**
     * The name of an environment variable written where a value goes ({@code password: DOCKER_PASSWORD} in a CI
     * step's inputs): the variable is read elsewhere, the text is no secret.
     */
    public static boolean isVariableName(String value) {
        String v = value.strip();
        return ENV_NAME.matcher(v).matches() && SecretNames.isSecret(v);
    }

    /**
     * Whether a string constant in code is a key's name rather than a secret: the name of an environment variable,
     * or an identifier that names a secret ({@code "accessToken"}, {@code "auth_token"}: the key under which a token
     * is kept in localStorage, a cookie, a header or a column). So is any identifier held by a constant named for a
     * key in JavaScript ({@code localStorageKey = "shopping_list"}, {@code TOKEN_KEY = "token"}). A lone secret word
     * held by another constant is judged: {@code JWT_SECRET = "secret"} is a weak secret.
     */
    public static boolean isKeyName(String settingName, String value, boolean javascript, boolean constant) {
        String v = value.strip();
        if (isVariableName(v)) {
            return true;
        }
        if (!IDENTIFIER.matcher(v).matches()) {
            return false;
        }
        List<String> words = SecretNames.words(v);
        List<String> own = SecretNames.words(settingName);
        String ownLast = own.isEmpty() ? "" : own.get(own.size() - 1);
        if (javascript && constant && (ownLast.equals("key") || ownLast.equals("name"))) {
            return true;
        }
        if (words.size() == 1) {
            return false; // JWT_SECRET = "secret" is a weak secret, whatever else a lone word may be
        }
        return KEY_NAME_ENDINGS.contains(words.get(words.size() - 1)) && (javascript || !own.equals(words));
    }

    /** How names of stored tokens end; a made-up password ends in "password" or "secret" and is judged. */
    private static final Set<String> KEY_NAME_ENDINGS = Set.of("token", "tokens", "key", "apikey", "auth",
            "credentials", "session", "cookie", "header", "jwt");

    /** Whether a literal value is a URL (then only its password counts). */
    static boolean isUrl(String value) {
        return URL.matcher(value).find();
    }
}
