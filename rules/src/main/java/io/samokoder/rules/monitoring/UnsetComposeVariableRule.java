package io.samokoder.rules.monitoring;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.i18n.Text;
import io.samokoder.engine.SourceFile;
import io.samokoder.model.compose.ComposeFile;
import io.samokoder.model.compose.ComposeInvocations;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeValue;
import io.samokoder.model.dotenv.Interpolation;
import io.samokoder.model.compose.PortMapping;
import io.samokoder.model.dotenv.DotEnv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code ${VAR}} without default and without value where compose needs a value: image, ports, --config.file. */
@RuleInfo(id = "monitoring/unset-compose-variable", category = Category.MONITORING, severity = Severity.MEDIUM,
        summary = "A compose image, port or --config.file uses ${VAR} with no default and no value from .env or"
                + " from what runs compose.",
        remediation = "Give the variable a default (`${TAG:-1.4.2}`), set it in the `.env` beside the compose file, or"
                + " mark it required with `${TAG:?set TAG in .env}` so compose stops with a clear message.",
        description = "Compose replaces an unset variable with an empty string and only warns, so"
                + " `image: app:${TAG}` becomes `app:` (an invalid reference), `\"${PORT}:80\"` publishes a random"
                + " port, and `--config.file=${CFG}` starts the process with no config. Values come from the `.env`"
                + " in the compose file's folder (compose's dotenv rules) and, when the audit is given one, the"
                + " process environment, and from what runs compose: a script, Makefile target, CI step or documented"
                + " command that exports the variable before running the file, an --env-file, an .env a setup step"
                + " makes from a template. Info when the variable's source cannot be seen (set only elsewhere in the"
                + " repository, or compose run after sourcing a file outside it). Not findings: `${VAR:-default}`,"
                + " `${VAR-default}`, `${VAR:+x}`, `${VAR:?message}` (documented-required: compose refuses to start"
                + " with the message), variables in other fields such as `environment:`.")
public final class UnsetComposeVariableRule implements Rule {

    private static final List<String> TEMPLATES = List.of(".env.example", ".env.sample", ".env.template",
            ".env.dist", ".env.defaults", "example.env", "env.example");

    @Override
    public boolean scoresCategory(AuditContext context) {
        // it reads every compose file; a repository without monitoring has none to score
        return false;
    }

    @Override
    public boolean isApplicable(AuditContext context) {
        return !Monitoring.compose(context).files().isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        Set<String> in = new java.util.LinkedHashSet<>(Monitoring.compose(context).inputs());
        in.addAll(invocations(context).inputs());
        // env files anywhere may hold the value (a template, a file a script reads)
        in.addAll(List.of(".env*", "**/.env*", "*.env", "**/*.env"));
        return in;
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (ComposeFile file : Monitoring.compose(context).files().values()) {
            for (ComposeService s : file.declaredServices().values()) {
                s.image().ifPresent(v -> check(context, file, s, "image", v, v.raw().strip(), v.references(),
                        Text.of("monitoring.unset.quoted", v.value().strip()), sink));
                for (PortMapping p : s.ports()) {
                    check(context, file, s, "port", p.source(), p.source().raw().strip(), p.source().references(),
                            Text.of("monitoring.unset.quoted", p.source().value().strip()), sink);
                }
                // the raw text, not the resolved argument: an unset variable may leave "--config.file=" empty
                Set<String> seen = new java.util.HashSet<>();
                List<ComposeValue> tokens = new ArrayList<>();
                s.entrypoint().ifPresent(tokens::addAll);
                s.command().ifPresent(tokens::addAll);
                for (ComposeValue v : tokens) {
                    if (v.raw().contains("config.file") && seen.add(v.location() + "|" + v.raw())) {
                        check(context, file, s, "command", v, flagText(v.raw()), configRefs(v),
                                Text.of("monitoring.unset.emptyPath"), sink);
                    }
                }
            }
        }
    }

    /** For a flag inside a longer command string, only the references within the flag's argument. */
    private static List<Interpolation.Reference> configRefs(ComposeValue v) {
        String raw = v.raw();
        int at = raw.indexOf("config.file");
        if (at < 0) {
            return v.references();
        }
        int end = at + "config.file".length();
        if (end < raw.length() && raw.charAt(end) != '=') {
            while (end < raw.length() && Character.isWhitespace(raw.charAt(end))) {
                end++; // "--config.file VALUE": the argument is the next word
            }
        }
        while (end < raw.length() && !Character.isWhitespace(raw.charAt(end))) {
            end++;
        }
        List<Interpolation.Reference> out = new ArrayList<>();
        for (Interpolation.Reference r : v.references()) {
            if (r.offset() >= at && r.offset() < end) {
                out.add(r);
            }
        }
        return out;
    }

    /** {@code --config.file=${X}} out of a longer command text. */
    private static String flagText(String raw) {
        int at = raw.indexOf("config.file");
        int start = at;
        while (start > 0 && raw.charAt(start - 1) == '-') {
            start--;
        }
        int end = at + "config.file".length();
        if (end < raw.length() && raw.charAt(end) != '=') {
            while (end < raw.length() && Character.isWhitespace(raw.charAt(end))) {
                end++;
            }
        }
        while (end < raw.length() && !Character.isWhitespace(raw.charAt(end))) {
            end++;
        }
        return raw.substring(start, end).replaceAll("[\"']+$", "");
    }

    private void check(AuditContext ctx, ComposeFile file, ComposeService s, String field, ComposeValue v,
                       String shown, List<Interpolation.Reference> refs, Text result, FindingSink sink) {
        Set<String> reported = new java.util.HashSet<>(); // "${PORT}:${PORT}" is one unset variable, not two
        for (Interpolation.Reference r : refs) {
            if (!r.isUnsetWithoutDefault() || !reported.add(r.name())) {
                continue;
            }
            ComposeInvocations.Source source = invocations(ctx).sourceOf(ctx, Monitoring.compose(ctx), file, r.name());
            if (source.verdict() == ComposeInvocations.Verdict.SET) {
                continue; // the command that runs compose on this file gives it a value
            }
            Text where = file.environmentFile().map(e -> Text.of("monitoring.unset.notIn", e))
                    .orElse(Text.of("monitoring.unset.noEnv", file.path()));
            Optional<String> listed = documentedIn(ctx, file, r.name());
            if (listed.isPresent()) {
                where = Text.of("monitoring.unset.listedIn", where, listed.get());
            }
            Text message = Text.of("monitoring.unset.message", s.name(), Text.of("monitoring.unset.field." + field),
                    shown, r.name(), where, result);
            Finding.Builder f = Finding.of(this).at(v.location().path(), v.location().line(), v.location().column())
                    .key(s.name() + "|" + field + "|" + r.name());
            if (source.verdict() == ComposeInvocations.Verdict.UNSEEN) {
                // a value exists, or compose runs with sources that cannot be read: how it is deployed decides
                f.severity(Severity.INFO).message(Text.of("monitoring.unset.unseen", message,
                        source.reasonText()));
            } else {
                f.message(Text.of("monitoring.unset.nothingSets", message));
            }
            sink.report(f.build());
        }
    }

    private static ComposeInvocations invocations(AuditContext ctx) {
        return ComposeInvocations.of(ctx);
    }

    private static Optional<String> documentedIn(AuditContext ctx, ComposeFile file, String name) {
        for (String t : TEMPLATES) {
            String p = file.folder().isEmpty() ? t : file.folder() + "/" + t;
            Optional<SourceFile> f = ctx.workspace().file(p);
            if (f.isPresent() && DotEnv.of(ctx, f.get()).entry(name).isPresent()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
