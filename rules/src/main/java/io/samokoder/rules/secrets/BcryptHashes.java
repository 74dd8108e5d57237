package io.samokoder.rules.secrets;

import org.springframework.security.crypto.bcrypt.BCrypt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bcrypt hashes written in settings ({@code ADMIN_PASSWORD_HASH=${ADMIN_PASSWORD_HASH:-$2a$14$…}}, an htpasswd entry
 * {@code admin:$2y$05$…} in a Traefik label): a published hash of a default password is as good as the password, since
 * anyone can try the defaults against it. Each hash is tried against a few candidates, most likely first: the user
 * names next to it, the dictionary of weak values in its file order, the project's own words. bcrypt is slow on
 * purpose, so the tries are bounded: at most {@value #MAX_CANDIDATES} candidates and {@value #BUDGET} key-schedule
 * rounds per hash (32 candidates at cost 10, 2 at Caddy's cost 14), no hash above cost {@value #MAX_COST}, and at most
 * {@value #MAX_HASHES} hashes per audit. The bounds count tries, never time, so that the output is deterministic.
 */
final class BcryptHashes {

    /** Caddy's {@code hash-password} default; one try of cost 15 takes over two seconds. */
    static final int MAX_COST = 14;
    static final int MAX_CANDIDATES = 40;
    /** Key-schedule rounds per hash (2^cost per try): 2^15 is 32 tries at cost 10, 8 at 12, 2 at 14. */
    static final long BUDGET = 1L << 15;
    static final int MAX_HASHES = 8;

    /**
     * A bcrypt hash in a setting's value.
     *
     * @param hash     the hash, with compose's {@code $$} escapes undone
     * @param offset   where it starts in the value
     * @param cost     its cost factor (2^cost rounds)
     * @param variable for the default of an interpolation ({@code ${NAME:-$2a$…}}) the variable's name, else null
     * @param user     the user of an htpasswd entry ({@code admin:$2y$…}), else null
     */
    record Occurrence(String hash, int offset, int cost, String variable, String user) {
    }

    /** Which candidate the hash was made from. */
    enum Source { USER, DICTIONARY, PROJECT }

    /** A candidate password, and where it came from. */
    record Candidate(String password, Source source) {
    }

    /** {@code $2a$}, {@code $2b$}, {@code $2y$}, also with compose's {@code $$} escapes ({@code $$2y$$05$$…}). */
    private static final Pattern HASH = Pattern.compile(
            "(?<![A-Za-z0-9./$])\\$(\\$?)2([aby])\\$\\1(\\d{2})\\$\\1([./A-Za-z0-9]{53})(?![A-Za-z0-9./])");
    private static final Pattern OPENER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.-]{0,100})(?::?[-=]|:)");
    private static final Pattern USER_DEFAULT = Pattern.compile(
            "\\$\\{[A-Za-z_][A-Za-z0-9_]{0,100}:?[-=]([^${}]{1,64})\\}");
    private static final Pattern HTPASSWD_USER = Pattern.compile("(?:^|[\\s,\"'=\\[])([^\\s:,\"'=$\\[\\]{}]{1,64}):$");

    /** Results of tries, shared by the audits of one JVM (the Maven goal of a multi-module build, the tests). */
    private static final Map<String, Boolean> TRIED = new ConcurrentHashMap<>();
    private static final int MAX_TRIED = 10_000;

    private BcryptHashes() {
    }

    /** Whether a value may hold a hash: the cheap test before the pattern. */
    static boolean mayHold(String value) {
        return value.indexOf("$2") >= 0 || value.indexOf("$$2") >= 0;
    }

    /** The bcrypt hashes in a setting's value, in order. */
    static List<Occurrence> find(String value) {
        return find(value, false);
    }

    /**
     * The bcrypt hashes in a setting's value, in order; with {@code interpolated} (a compose file) only those compose
     * passes on as written: in {@code $2a$14$dZu…} compose replaces {@code $dZu…} (a variable's name) with the
     * variable's value, usually nothing, so the hash deployed is not the one written. {@code $2a}, {@code $14} and a
     * salt starting with a digit, {@code .} or {@code /} are no variable names and stay; {@code $$} is a {@code $}.
     */
    static List<Occurrence> find(String value, boolean interpolated) {
        if (!mayHold(value)) {
            return List.of();
        }
        List<Occurrence> out = new ArrayList<>();
        Matcher m = HASH.matcher(value);
        while (m.find()) {
            char salt = m.group(4).charAt(0);
            if (interpolated && m.group(1).isEmpty() && (Character.isLetter(salt) || salt == '_')) {
                continue;
            }
            String hash = "$2" + m.group(2) + "$" + m.group(3) + "$" + m.group(4);
            out.add(new Occurrence(hash, m.start(), Integer.parseInt(m.group(3)),
                    enclosingVariable(value, m.start()), htpasswdUser(value, m.start())));
        }
        return out;
    }

    /** {@code ${NAME:-…hash}}: the variable whose default holds the position, or null. */
    private static String enclosingVariable(String value, int at) {
        Matcher o = OPENER.matcher(value);
        String variable = null;
        while (o.find() && o.end() <= at) {
            if (value.indexOf('}', o.end()) < 0 || value.indexOf('}', o.end()) >= at) {
                variable = o.group(1);
            }
        }
        return variable;
    }

    private static String htpasswdUser(String value, int at) {
        Matcher u = HTPASSWD_USER.matcher(value.substring(0, at));
        return u.find() ? u.group(1) : null;
    }

    /** How many candidates a hash of this cost is tried with. */
    static int tries(int cost) {
        return (int) Math.max(1, Math.min(MAX_CANDIDATES, BUDGET >> Math.min(cost, 62)));
    }

    /**
     * The candidates for one hash, most likely first and without repeats, cut to what its cost allows.
     *
     * @param users      user names next to the hash (its htpasswd user, the user settings of its mapping)
     * @param dictionary the weak values, most common first
     * @param project    the project's own words (its names, services)
     */
    static List<Candidate> candidates(int cost, List<String> users, List<String> dictionary, List<String> project) {
        int limit = tries(cost);
        Set<String> seen = new HashSet<>();
        List<Candidate> out = new ArrayList<>();
        add(out, seen, users, Source.USER, limit);
        add(out, seen, dictionary, Source.DICTIONARY, limit);
        add(out, seen, project, Source.PROJECT, limit);
        return out;
    }

    private static void add(List<Candidate> out, Set<String> seen, List<String> words, Source source, int limit) {
        for (String w : words) {
            if (out.size() >= limit) {
                return;
            }
            // bcrypt reads at most 72 bytes; nobody's default password is longer
            if (w != null && !w.isEmpty() && w.length() <= 72 && seen.add(w)) {
                out.add(new Candidate(w, source));
            }
        }
    }

    /**
     * The candidate the hash was made from, or empty when none is (or the hash is malformed). The caller has checked
     * the cost against {@link #MAX_COST}.
     */
    static Optional<Candidate> crack(String hash, List<Candidate> candidates) {
        for (Candidate c : candidates) {
            String key = hash + '\n' + c.password();
            Boolean hit = TRIED.get(key);
            if (hit == null) {
                try {
                    hit = BCrypt.checkpw(c.password(), hash);
                } catch (RuntimeException e) {
                    return Optional.empty(); // a salt or cost bcrypt refuses: nothing to learn from this hash
                }
                if (TRIED.size() < MAX_TRIED) {
                    TRIED.put(key, hit);
                }
            }
            if (hit) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** User names as written, or the default of an interpolated one ({@code ${ADMIN_USER:-admin}} → admin). */
    static Optional<String> userValue(String raw) {
        String v = raw.strip();
        Matcher d = USER_DEFAULT.matcher(v);
        if (d.matches()) {
            return Optional.of(d.group(1));
        }
        if (v.isEmpty() || v.length() > 64 || v.indexOf('$') >= 0 || v.indexOf('{') >= 0) {
            return Optional.empty();
        }
        return Optional.of(v);
    }
}
