package io.samokoder.rules.secrets;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.model.Location;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.settings.FileSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The committed files compose mounts as secrets ({@code secrets: db_password: file: ./secrets/db_password.txt}) that
 * hold one value, read as the official images' {@code file_env} reads them: the file's one line, trimmed. Binary
 * files, documents of several lines (a JSON key file, a certificate chain, an htpasswd list) and long lines (keys and
 * certificates) are no single password and are left to the token scan. Dotenv files and {@code env_file:} files are
 * judged as such by the other checks.
 */
final class SecretFiles {

    /** Longer than this, one line is a key or certificate blob, not a password or token. */
    static final int MAX_LENGTH = 512;
    private static final long MAX_SIZE = 4096;

    /**
     * One committed secret file's value.
     *
     * @param name     the secret-named variable the value is for: the secret's name, or the {@code X} of an
     *                 {@code X_FILE} pointing at it
     * @param line     the line of the value in the file
     * @param users    the values of user-named secret files the same compose files declare
     * @param place    where the file is used: its own path, else the most shared compose file declaring it
     * @param declared the declaration in a compose file of that place, for messages
     */
    record Value(SourceFile file, String name, String value, int line, List<String> users,
                 SecretsPolicy.Place place, ComposeProject.SecretDeclaration declared) {
        String declaredAt() {
            return declared.location().path() + ":" + declared.location().line();
        }
    }

    private record Read(ComposeProject.SecretFile secret, SourceFile file, String value, int line) {
    }

    private final List<Value> values;

    private SecretFiles(List<Value> values) {
        this.values = values;
    }

    static List<Value> of(AuditContext context) {
        return context.model(SecretFiles.class, SecretFiles::load).values;
    }

    private static SecretFiles load(AuditContext context) {
        ComposeProject project = ComposeProject.of(context);
        SecretsPolicy policy = SecretsPolicy.of(context);
        Map<String, List<Location>> envFiles = EnvFiles.all(context);
        List<Read> read = new ArrayList<>();
        for (ComposeProject.SecretFile s : project.secretFiles().values()) {
            Optional<SourceFile> file = context.workspace().file(s.path());
            if (file.isEmpty() || envFiles.containsKey(s.path())) {
                continue;
            }
            FileSettings.Kind kind = FileSettings.kindOf(s.path());
            if (kind == FileSettings.Kind.DOTENV || kind == FileSettings.Kind.DOTENV_TEMPLATE) {
                continue;
            }
            single(file.get()).ifPresent(r -> read.add(new Read(s, file.get(), r.value(), r.line())));
        }
        // user names declared beside a password (MYSQL_USER next to MYSQL_PASSWORD): a password equal to one is weak
        Map<String, List<String>> usersByCompose = new HashMap<>();
        for (Read r : read) {
            if (names(r.secret()).stream().anyMatch(SecretNames::isUser)) {
                for (ComposeProject.SecretDeclaration d : r.secret().declarations()) {
                    usersByCompose.computeIfAbsent(d.composeFile(), k -> new ArrayList<>()).add(r.value());
                }
            }
        }
        List<Value> out = new ArrayList<>();
        for (Read r : read) {
            Optional<String> name = names(r.secret()).stream()
                    .filter(n -> SecretNames.isSecret(n) && !SecretNames.isFileReference(n)).findFirst();
            if (name.isEmpty()) {
                continue;
            }
            List<ComposeProject.SecretDeclaration> declarations = r.secret().declarations();
            List<Location> where = declarations.stream().map(ComposeProject.SecretDeclaration::location).toList();
            SecretsPolicy.Place place = policy.envFilePlace(r.secret().path(), where);
            ComposeProject.SecretDeclaration at = declarations.stream()
                    .filter(d -> policy.envFilePlace(r.secret().path(), List.of(d.location())) == place)
                    .findFirst().orElse(declarations.get(0));
            List<String> users = new ArrayList<>();
            for (ComposeProject.SecretDeclaration d : declarations) {
                users.addAll(usersByCompose.getOrDefault(d.composeFile(), List.of()));
            }
            out.add(new Value(r.file(), name.get(), r.value(), r.line(), List.copyOf(users), place, at));
        }
        return new SecretFiles(List.copyOf(out));
    }

    /** The secret's names and the variables pointing at its file, in that order. */
    private static List<String> names(ComposeProject.SecretFile s) {
        List<String> out = new ArrayList<>();
        s.declarations().forEach(d -> out.add(d.secret()));
        out.addAll(s.fileVariables());
        return out;
    }

    private record Line(String value, int line) {
    }

    /** The one non-blank line of a small text file, trimmed; empty for anything else. */
    private static Optional<Line> single(SourceFile file) {
        String text;
        try {
            if (file.size() > MAX_SIZE || file.isBinary() || file.hadInvalidUtf8()) {
                return Optional.empty();
            }
            text = file.text();
        } catch (java.io.UncheckedIOException e) {
            return Optional.empty(); // unreadable: nothing to judge
        }
        String[] lines = text.split("\r?\n|\r", -1);
        Line found = null;
        for (int i = 0; i < lines.length; i++) {
            String v = lines[i].strip();
            if (v.isEmpty()) {
                continue;
            }
            if (found != null) {
                return Optional.empty(); // a document of several lines
            }
            found = new Line(v, i + 1);
        }
        if (found == null || found.value().length() > MAX_LENGTH || found.value().startsWith("-----BEGIN")
                || found.value().indexOf('\0') >= 0) {
            return Optional.empty();
        }
        return Optional.of(found);
    }
}
