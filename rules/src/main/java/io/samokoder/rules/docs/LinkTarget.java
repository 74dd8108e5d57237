package io.samokoder.rules.docs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a link destination written in a Markdown file goes when GitHub renders that file at
 * {@code /OWNER/REPO/blob/BRANCH/path/file.md}: a file or folder of the repository (with an optional fragment),
 * the same file, a GitHub page of the repository ({@code ../../issues}), somewhere outside the repository, or another
 * scheme. Pure: never touches the disk.
 *
 * @param type     what kind of target
 * @param path     repository-relative target ("" for the root) for {@link Type#REPO_PATH}; the URL for
 *                 {@link Type#WEB}
 * @param fragment percent-decoded fragment without {@code #}, or null when there is none
 * @param levelsAbove for {@link Type#OUTSIDE_REPO}, how many folders above the repository root the path climbs
 */
public record LinkTarget(Type type, String path, String fragment, int levelsAbove) {

    public enum Type {
        /** Empty destination or a bare {@code ?query}: the page itself, nothing to check. */
        NONE,
        /** {@code #fragment} (or {@code ?plain=1#L3}) in the file itself. */
        SAME_FILE,
        /** A file or folder of the repository. */
        REPO_PATH,
        /** {@code ../../issues}, {@code ../../actions}, {@code ../../wiki}…: a page GitHub serves for the repo. */
        GITHUB_ROUTE,
        /** A relative path that climbs above the repository root and is no GitHub page of the repository. */
        OUTSIDE_REPO,
        /** {@code http:}/{@code https:} (or protocol-relative {@code //host}) URL. */
        WEB,
        /** {@code mailto:}, {@code tel:}, {@code ftp:}, … not checked. */
        OTHER_SCHEME
    }

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:");

    /**
     * First path segments GitHub serves under {@code /OWNER/REPO/}; a relative link climbing exactly two levels above
     * the root ({@code blob/BRANCH}) into one of them is a link to that page.
     */
    static final Set<String> GITHUB_ROUTES = Set.of("issues", "pulls", "pull", "actions", "wiki", "releases", "tags",
            "discussions", "projects", "security", "pulse", "graphs", "network", "settings", "commits", "commit",
            "branches", "compare", "milestones", "milestone", "labels", "blob", "tree", "raw", "blame", "edit", "new",
            "find", "archive", "packages", "deployments", "stargazers", "watchers", "forks", "contributors",
            "activity", "community", "environments", "attestations", "rules", "search", "codespaces", "subscription",
            "custom-properties", "actions-usage-metrics");

    /**
     * @param fromFile    repository-relative path of the Markdown file holding the link
     * @param destination the destination as the renderer sees it (escapes decoded, not percent-decoded)
     */
    public static LinkTarget resolve(String fromFile, String destination) {
        String d = destination == null ? "" : destination.strip();
        if (d.isEmpty()) {
            return new LinkTarget(Type.NONE, "", null, 0);
        }
        if (d.startsWith("//")) {
            return new LinkTarget(Type.WEB, "https:" + d, null, 0);
        }
        if (SCHEME.matcher(d).find()) {
            String scheme = d.substring(0, d.indexOf(':')).toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https")
                    ? new LinkTarget(Type.WEB, d, null, 0)
                    : new LinkTarget(Type.OTHER_SCHEME, d, null, 0);
        }
        String fragment = null;
        int hash = d.indexOf('#');
        String pathPart = d;
        if (hash >= 0) {
            fragment = percentDecode(d.substring(hash + 1));
            pathPart = d.substring(0, hash);
        }
        int query = pathPart.indexOf('?');
        if (query >= 0) {
            pathPart = pathPart.substring(0, query);
        }
        pathPart = percentDecode(pathPart).replace('\\', '/');
        if (pathPart.isEmpty()) {
            return fragment == null ? new LinkTarget(Type.NONE, "", null, 0)
                    : new LinkTarget(Type.SAME_FILE, fromFile, fragment, 0);
        }
        List<String> segments = new ArrayList<>();
        if (!pathPart.startsWith("/")) {
            int slash = fromFile.lastIndexOf('/');
            if (slash > 0) {
                for (String s : fromFile.substring(0, slash).split("/")) {
                    segments.add(s);
                }
            }
        }
        int above = 0;
        for (String part : pathPart.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!segments.isEmpty() && above == 0) {
                    segments.remove(segments.size() - 1);
                } else if (above > 0 && !segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                } else {
                    above++;
                }
            } else {
                segments.add(part);
            }
        }
        if (above > 0) {
            if (above == 2 && (segments.isEmpty() || GITHUB_ROUTES.contains(segments.get(0)))) {
                return new LinkTarget(Type.GITHUB_ROUTE, String.join("/", segments), fragment, 2);
            }
            return new LinkTarget(Type.OUTSIDE_REPO, String.join("/", segments), fragment, above);
        }
        return new LinkTarget(Type.REPO_PATH, String.join("/", segments), fragment, 0);
    }

    /**
     * Decodes {@code %XX} sequences as UTF-8, as the browser and GitHub's router do; text whose escapes are not valid
     * UTF-8 (or a stray {@code %}) is left as written.
     */
    public static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
