package io.samokoder.rules.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which setting names hold secrets. A name is split into words ({@code GF_SECURITY_ADMIN_PASSWORD},
 * {@code spring.datasource.password}, {@code apiKey}); it is secret-named when its last word is a secret word
 * (password and its short forms passwd, pwd, pswd, pass, pw; secret, token, credential, auth, dsn, pepper, …), a
 * word ending in one ({@code PGPASSWORD}, {@code SERVER_DBPASS}, {@code LDAP_BINDPW}) or {@code key} qualified by a
 * secret-ish word ({@code API_KEY}, {@code SECRET_KEY}, {@code REFRESH_TOKEN_KEY}, not {@code CACHE_KEY}). Names
 * ending in {@code _FILE}, {@code _PATH}, {@code _ID}, {@code _USER}, {@code _EXPIRE_MINUTES}, … are not secrets: their
 * last word says so; nor are switches about a secret ({@code MYSQL_ALLOW_EMPTY_PASSWORD}, {@code USE_ID_TOKEN}). The
 * vocabulary is tested on 300 real setting names ({@code setting-names.tsv} among the tests).
 */
public final class SecretNames {

    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "pswd", "pass", "pw",
            "passphrase", "passcode", "secret", "secrets", "token", "apikey", "credential", "credentials", "creds",
            "dsn", "auth", "pepper", "privatekey", "secretkey", "accesskey", "apitoken", "authtoken", "apisecret",
            "clientsecret");

    private static final List<String> GLUED_SUFFIXES = List.of("password", "passwd", "passphrase", "secret", "token");
    /**
     * Short forms count glued only in a word of a longer name or an upper-case one ({@code SERVER_DBPASS},
     * {@code LDAP_BINDPW}, {@code DBPASS}): a lone lower-case word ending in them is a name ({@code minipass},
     * {@code getpass}).
     */
    private static final List<String> SHORT_GLUED_SUFFIXES = List.of("pass", "pswd", "pwd", "pw");

    /** English words that end in a glued suffix without being one: {@code SSL_BYPASS}, {@code COMPASS}. */
    private static final Set<String> NOT_GLUED = Set.of("bypass", "compass", "encompass", "overpass", "underpass",
            "surpass", "trespass", "multipass", "firstpass", "onepass", "twopass", "singlepass");

    /** Words that make a secret-named setting a switch about the secret: {@code MYSQL_RANDOM_ROOT_PASSWORD=yes}. */
    private static final Set<String> SWITCH_WORDS = Set.of("allow", "use", "enable", "disable", "require", "random",
            "empty", "skip", "generate",
            // and words that make it the name of a column, field or parameter: PK_TOKEN = "token", FIELD_PASSWORD
            "pk", "fk", "field", "column", "col", "param", "attr", "attribute", "label");

    private static final Set<String> KEY_QUALIFIERS = Set.of("api", "secret", "private", "access", "signing", "sign",
            "encryption", "encrypt", "enc", "master", "app", "jwt", "client", "session", "hmac", "crypto", "cipher",
            "aes", "auth", "service", "account", "webhook", "bot", "admin", "root", "shared", "deploy", "ssh", "gpg",
            "pgp", "storage", "subscription", "consumer", "cookie", "csrf", "fernet", "license", "openai", "anthropic",
            "stripe", "sendgrid", "mailgun", "twilio", "google", "gemini", "mistral", "yandex", "telegram", "github",
            "gitlab", "slack", "aws", "azure", "gcp", "s3secret", "minio", "sentry", "pusher", "algolia", "mapbox",
            "recaptcha", "captcha", "vapid", "push", "otp", "totp", "nonce", "salt", "pepper", "logged", "secure",
            "token", "refresh");

    private static final Set<String> SIGNING_CONTEXT = Set.of("jwt", "session", "cookie", "signing", "sign",
            "encryption", "encrypt", "hmac", "csrf", "nextauth", "auth", "token", "app", "django", "flask", "fernet",
            "master", "crypto", "cipher", "aes", "rails", "laravel", "secure", "logged", "nonce");

    private static final Set<String> USER_WORDS = Set.of("user", "username", "usr", "login", "uid", "userid", "owner");

    private SecretNames() {
    }

    /** Lower-case words of a name: separators {@code _ - . space /} and camelCase boundaries. */
    public static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(cur, out);
                continue;
            }
            if (Character.isUpperCase(c) && cur.length() > 0 && Character.isLowerCase(cur.charAt(cur.length() - 1))) {
                flush(cur, out);
            }
            cur.append(c);
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            out.add(cur.toString().toLowerCase(Locale.ROOT));
            cur.setLength(0);
        }
    }

    private static final java.util.Map<String, Boolean> SECRET_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    public static boolean isSecret(String name) {
        Boolean cached = SECRET_CACHE.get(name);
        if (cached != null) {
            return cached;
        }
        boolean result = computeIsSecret(name);
        if (SECRET_CACHE.size() < 50_000) {
            SECRET_CACHE.put(name, result);
        }
        return result;
    }

    private static boolean computeIsSecret(String name) {
        List<String> w = words(name);
        int forAt = w.indexOf("for");
        if (forAt > 0) {
            w = w.subList(0, forAt); // PASSWORD_FOR_NODEMAILER: what is before "for" names the setting
        }
        if (w.isEmpty()) {
            return false;
        }
        String last = w.get(w.size() - 1);
        for (String word : w.subList(0, w.size() - 1)) {
            if (SWITCH_WORDS.contains(word)) {
                return false;
            }
        }
        if (SECRET_WORDS.contains(last)) {
            return true;
        }
        if (!NOT_GLUED.contains(last)) {
            for (String suffix : GLUED_SUFFIXES) {
                if (last.length() > suffix.length() + 1 && last.endsWith(suffix)) {
                    return true; // PGPASSWORD, dbpassword, accesstoken
                }
            }
            boolean shortForms = w.size() > 1 || name.chars().noneMatch(Character::isLowerCase);
            for (String suffix : SHORT_GLUED_SUFFIXES) {
                if (shortForms && last.length() > suffix.length() + 1 && last.endsWith(suffix)) {
                    return true; // SERVER_DBPASS, LDAP_BINDPW
                }
            }
        }
        if (w.size() >= 3 && last.equals("base") && w.get(w.size() - 2).equals("key")
                && w.get(w.size() - 3).equals("secret")) {
            return true; // Rails SECRET_KEY_BASE
        }
        if ((last.equals("key") || last.equals("keys")) && w.size() >= 2) {
            return KEY_QUALIFIERS.contains(w.get(w.size() - 2));
        }
        return false;
    }

    /** Keys that sign or encrypt (Django/Flask SECRET_KEY, JWT_SECRET, APP_SECRET_KEY, SESSION_SECRET, APP_KEY): 32+. */
    public static boolean isSigningKey(String name) {
        if (!isSecret(name)) {
            return false;
        }
        List<String> w = words(name);
        String last = w.get(w.size() - 1);
        if (w.size() == 1) {
            return last.equals("secret") || last.equals("secretkey");
        }
        if (last.equals("base")) {
            return true;
        }
        if (last.equals("secretkey") || (last.equals("key") && w.get(w.size() - 2).equals("secret"))) {
            return true;
        }
        if (last.equals("secret") || last.equals("key")) {
            for (String word : w.subList(0, w.size() - 1)) {
                if (SIGNING_CONTEXT.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Set<String> PASSWORD_WORDS = Set.of("password", "passwd", "pwd", "pswd", "pass", "pw",
            "passphrase", "passcode");

    /** A password (checked by a service, chosen by people), as opposed to a token or a key: the last word says so. */
    public static boolean isPassword(String name) {
        if (!isSecret(name)) {
            return false;
        }
        List<String> w = words(name);
        int forAt = w.indexOf("for");
        String last = w.get((forAt > 0 ? forAt : w.size()) - 1);
        if (PASSWORD_WORDS.contains(last)) {
            return true;
        }
        for (String p : PASSWORD_WORDS) {
            if (last.endsWith(p) && !NOT_GLUED.contains(last)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isUser(String name) {
        List<String> w = words(name);
        return !w.isEmpty() && USER_WORDS.contains(w.get(w.size() - 1));
    }

    /** {@code POSTGRES_PASSWORD_FILE}: the value is a path to the secret, which is how secrets should be passed. */
    /**
     * A connection string ({@code SENTRY_DSN}, {@code DATABASE_DSN}): its credential is the user or password part of the
     * URL it holds, so a value that is not a URL ({@code 0}, {@code false}: "not configured") holds none.
     */
    public static boolean isConnectionString(String name) {
        List<String> w = words(name);
        return !w.isEmpty() && w.get(w.size() - 1).equals("dsn");
    }

    public static boolean isFileReference(String name) {
        List<String> w = words(name);
        return !w.isEmpty() && (w.get(w.size() - 1).equals("file") || w.get(w.size() - 1).equals("path"));
    }
}
