package io.samokoder.rules.monitoring;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.engine.SourceFile;
import io.samokoder.i18n.Text;
import io.samokoder.model.claims.Components;
import io.samokoder.model.claims.DocumentClaims;
import io.samokoder.model.claims.Endpoint;
import io.samokoder.model.claims.Launch;
import io.samokoder.model.claims.RunContext;
import io.samokoder.model.claims.UpStatement;
import io.samokoder.model.compose.ComposeProblem;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeStack;
import io.samokoder.model.compose.ImageCatalog;
import io.samokoder.model.dotenv.Interpolation;
import io.samokoder.model.compose.PortMapping;
import io.samokoder.model.dotenv.DotEnv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** README and docs promise monitoring components, URLs or ports that the compose stack does not run or publish. */
@RuleInfo(id = "monitoring/claimed-but-missing", category = Category.MONITORING, severity = Severity.HIGH,
        summary = "README or docs claim that compose starts a component, or serves a URL or port, that the compose"
                + " stack does not run or publish.",
        remediation = "Add the component to docker-compose (publishing the documented port), or correct the"
                + " documentation to say how the component is actually started.",
        description = "Markdown files named README* and files under docs/ are read with flexmark. A claim is a claim"
                + " about the compose stack: a sentence saying that `docker compose up` starts Prometheus, Grafana,"
                + " Alertmanager, Loki, cAdvisor, exporters or \"monitoring\" needs those in the services that command"
                + " starts (high); a localhost URL or \"Grafana on port 3000\" needs a published host port when the"
                + " command of its section (or of the sections around it) is a compose command: high when the text"
                + " names the component the URL belongs to, medium when it names none. A URL naming a component that"
                + " the repository runs or configures is also a claim in a document whose only way of running things"
                + " is compose. Not findings: URLs after a native command (npm run dev, uvicorn, make run, docker"
                + " run, kubectl), URLs in log output or configuration inside code blocks, placeholder ports"
                + " (localhost:${PORT}), URLs on other hosts. Info, with the reason: URLs whose context cannot be"
                + " seen, ports published through a variable set outside the repository (${PORT}, ${PORT:-8080}"
                + " read with compose's interpolation), host-network services of unknown images, compose files that"
                + " cannot be read, commands run where the repository has no compose file.")
public final class ClaimedButMissingRule implements Rule {

    private static final List<String> ENV_TEMPLATES = List.of(".env.example", ".env.sample", ".env.template",
            ".env.dist", ".env.defaults", "example.env", "env.example");

    @Override
    public boolean scoresCategory(AuditContext context) {
        // it reads every README beside compose; a repository without monitoring has none to score
        return false;
    }

    @Override
    public boolean isApplicable(AuditContext context) {
        return !Monitoring.compose(context).isEmpty() && context.workspace().files().stream().anyMatch(this::inScope);
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        Set<String> in = new LinkedHashSet<>(Monitoring.compose(context).inputs());
        for (SourceFile f : context.workspace().files()) {
            String n = f.name();
            if (inScope(f) || n.equalsIgnoreCase("makefile") || n.equals("GNUmakefile") || n.equalsIgnoreCase("justfile")
                    || n.equals(".justfile") || n.toLowerCase(Locale.ROOT).startsWith("taskfile.") || n.endsWith(".sh")
                    || ENV_TEMPLATES.contains(n)) {
                in.add(f.path());
            }
        }
        return in;
    }

    private boolean inScope(SourceFile f) {
        if (!FileKinds.isMarkdown(f.path())) {
            return false;
        }
        String p = "/" + f.path().toLowerCase(Locale.ROOT);
        return f.name().toLowerCase(Locale.ROOT).startsWith("readme") || p.contains("/docs/") || p.contains("/doc/");
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        ComposeProject compose = Monitoring.compose(context);
        Map<String, Boolean> configured = new java.util.HashMap<>();
        for (SourceFile f : context.workspace().files()) {
            if (!inScope(f) || context.workspace().text(f).isEmpty()) {
                continue;
            }
            DocumentClaims claims = DocumentClaims.of(context, f);
            Map<UpStatement, List<String>> missingByUp = new LinkedHashMap<>();
            for (UpStatement up : claims.upStatements()) {
                upClaim(f, up, claims, compose, sink).ifPresent(m -> missingByUp.put(up, m));
            }
            for (Endpoint e : claims.endpoints()) {
                boolean reported = e.component().isPresent() && missingByUp.entrySet().stream()
                        .anyMatch(x -> x.getKey().contains(e.offset()) && x.getValue().contains(e.component().get()));
                if (!reported) {
                    endpoint(context, f, e, claims, compose, configured, sink);
                }
            }
        }
    }

    // ---- "`docker compose up` starts Prometheus and Grafana" ----------------------------------------------------

    /** Reports the components an up statement names that its command does not start; returns their ids. */
    private Optional<List<String>> upClaim(SourceFile f, UpStatement up, DocumentClaims claims, ComposeProject compose,
                                           FindingSink sink) {
        List<ComposeService> started = servicesStartedBy(compose, f, up.launch());
        List<String> missing = new ArrayList<>();
        for (String c : up.components()) {
            boolean ok = c.equals(Components.MONITORING) ? runs(started, "prometheus") || runs(started, "grafana")
                    : runs(started, c);
            if (!ok) {
                missing.add(c);
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        List<Text> shown = new ArrayList<>();
        for (String c : missing) {
            String urls = String.join(", ", claims.endpoints().stream()
                    .filter(e -> up.contains(e.offset()) && e.component().filter(c::equals).isPresent() && !e.isPortWord())
                    .map(Endpoint::text).toList());
            shown.add(urls.isEmpty() ? Components.titleText(c)
                    : Text.of("monitoring.claim.componentAt", Components.titleText(c), urls));
        }
        List<String> names = new ArrayList<>();
        started.forEach(s -> names.add(s.name()));
        String command = up.command().trim();
        sink.report(Finding.of(this).at(f.path(), up.line())
                .message(Text.of(up.launch().files().isEmpty() && up.launch().profiles().isEmpty()
                                ? "monitoring.claim.upPlain" : "monitoring.claim.upCommand", command, shown,
                        Monitoring.listText(names), Monitoring.filesText(compose.stacks())))
                .key("up|" + String.join(",", missing.stream().map(Components::title).toList())).build());
        return Optional.of(missing);
    }

    /**
     * The services a documented command starts: with {@code -f}/{@code --file}, the services those files define
     * (merged in their project); with {@code --profile}, also the services of those profiles; otherwise the default
     * services.
     */
    private static List<ComposeService> servicesStartedBy(ComposeProject compose, SourceFile md, Launch launch) {
        List<ComposeService> out = new ArrayList<>();
        if (!launch.files().isEmpty()) {
            for (String file : launch.files()) {
                String name = file.contains("/") ? file.substring(file.lastIndexOf('/') + 1) : file;
                for (ComposeStack s : compose.stacks()) {
                    for (ComposeService svc : s.services().values()) {
                        boolean fromFile = svc.sourceFiles().stream().anyMatch(p -> p.equals(file)
                                || p.endsWith("/" + name) || p.equals(name));
                        if (fromFile && !out.contains(svc)) {
                            out.add(svc);
                        }
                    }
                }
            }
        } else {
            out.addAll(defaultServices(compose, md));
        }
        for (ComposeStack s : compose.stacks()) {
            for (ComposeService svc : s.services().values()) {
                if (svc.profiles().stream().anyMatch(launch.profiles()::contains) && !out.contains(svc)) {
                    out.add(svc);
                }
            }
        }
        return out;
    }

    /** Default services of the stack in the Markdown file's folder or above, else of every stack. */
    private static List<ComposeService> defaultServices(ComposeProject compose, SourceFile f) {
        Optional<ComposeStack> s = stackAbove(compose, f.folder());
        if (s.isPresent()) {
            return new ArrayList<>(s.get().defaultServices().values());
        }
        List<ComposeService> all = new ArrayList<>();
        compose.stacks().forEach(x -> all.addAll(x.defaultServices().values()));
        return all;
    }

    /** The stack a plain {@code docker compose} finds from {@code folder}: its own default files, else a parent's. */
    private static Optional<ComposeStack> stackAbove(ComposeProject compose, String folder) {
        String at = folder;
        while (true) {
            for (ComposeStack s : compose.stacks()) {
                if (s.directory().equals(at) && !s.defaultFiles().isEmpty()) {
                    return Optional.of(s);
                }
            }
            if (at.isEmpty() || at.startsWith("..")) {
                return Optional.empty();
            }
            at = at.contains("/") ? at.substring(0, at.lastIndexOf('/')) : "";
        }
    }

    // ---- localhost URLs and "port 3000" -------------------------------------------------------------------------

    private void endpoint(AuditContext ctx, SourceFile f, Endpoint e, DocumentClaims claims, ComposeProject compose,
                          Map<String, Boolean> configured, FindingSink sink) {
        RunContext rc = claims.context(e);
        if (rc.isOther()) {
            return; // a native dev server, docker run, a cluster deploy: not the compose stack
        }
        Optional<String> component = e.component();
        Launch launch;
        Text why;
        if (rc.isCompose()) {
            launch = rc.launch().get();
            why = launch.via().equals(Launch.HEADING)
                    ? Text.of("monitoring.claim.why.section", launch.command(), launch.line())
                    : Text.of("monitoring.claim.why.after", launch.shownText());
        } else if (component.isPresent() && claims.mentionsCompose()
                && configured.computeIfAbsent(component.get(), c -> configured(ctx, compose, c))) {
            launch = claims.firstComposeLaunch().orElseGet(() -> claims.upStatements().get(0).launch());
            why = Text.of("monitoring.claim.why.document", launch.shownText());
        } else if (component.isEmpty() && claims.onlyComposeLaunches()) {
            launch = claims.firstComposeLaunch().get();
            why = Text.of("monitoring.claim.why.document", launch.shownText());
        } else {
            unknownContext(f, e, claims, compose, sink);
            return;
        }
        Text subject = subject(e);
        List<ComposeStack> stacks = stacksFor(compose, f, launch);
        if (stacks.isEmpty()) {
            Optional<String> template = templateAbove(compose, Monitoring.join(f.folder(), launch.directory()));
            if (template.isPresent()) {
                info(sink, f, e, Text.of("monitoring.claim.template", subject, why, template.get()));
                return;
            }
            String folder = Monitoring.join(f.folder(), launch.directory());
            Text where = folder.isEmpty() ? Text.of("monitoring.claim.repositoryRoot") : Text.of("monitoring.claim.folder", folder);
            info(sink, f, e, launch.files().isEmpty() ? Text.of("monitoring.claim.noComposeFile", subject, why, where)
                    : Text.of("monitoring.claim.noComposeFileNamed", subject, why, where,
                    String.join(", ", launch.files())));
            return;
        }
        Text files = launch.files().isEmpty() ? Monitoring.filesText(stacks)
                : Text.code(String.join(", ", launch.files()));
        Verdict v = verdict(ctx, compose, stacks, e.port(), component);
        if (v.kind == Verdict.Kind.PUBLISHED) {
            return;
        }
        if (v.kind == Verdict.Kind.UNSURE) {
            info(sink, f, e, Text.of("monitoring.claim.unsure", subject, why, e.port(), v.detail, files));
            return;
        }
        Optional<Integer> snippet = claims.shownPublishing(e);
        if (snippet.isPresent()) {
            info(sink, f, e, Text.of("monitoring.claim.snippet", subject, why, e.port(), snippet.get(), files));
            return;
        }
        Optional<ComposeService> elsewhere = publishedNear(compose, Monitoring.join(f.folder(), launch.directory()),
                e.port());
        if (elsewhere.isPresent()) {
            info(sink, f, e, Text.of("monitoring.claim.elsewhere", subject, why, elsewhere.get().name(),
                    String.join(", ", elsewhere.get().sourceFiles()), e.port(), files));
            return;
        }
        Text msg = Text.of("monitoring.claim.notPublished", subject, e.port());
        if (v.detail != null) {
            msg = Text.of("monitoring.claim.detail", msg, v.detail);
        }
        List<ComposeService> all = new ArrayList<>();
        stacks.forEach(s -> all.addAll(s.services().values()));
        if (component.isPresent() && !runs(all, component.get())) {
            msg = Text.of("monitoring.claim.notRun", msg, Components.titleText(component.get()));
        }
        msg = Text.of("monitoring.claim.context", msg, why, files);
        sink.report(Finding.of(this).at(f.path(), e.line(), e.column())
                .severity(component.isPresent() ? Severity.HIGH : Severity.MEDIUM)
                .message(msg)
                .key((e.isPortWord() ? "port|" : "url|") + component.orElse("") + "|" + e.port()).build());
    }

    private void unknownContext(SourceFile f, Endpoint e, DocumentClaims claims, ComposeProject compose,
                                FindingSink sink) {
        if (publishedNear(compose, "", e.port()).isPresent()
                || e.component().isEmpty() && !claims.mentionsCompose()) {
            return;
        }
        info(sink, f, e, Text.of(claims.onlyComposeLaunches() ? "monitoring.claim.unknownContext"
                : "monitoring.claim.unknownContextOther", subject(e)));
    }

    private void info(FindingSink sink, SourceFile f, Endpoint e, Text message) {
        sink.report(Finding.of(this).at(f.path(), e.line(), e.column()).severity(Severity.INFO).message(message)
                .key((e.isPortWord() ? "port|" : "url|") + e.component().orElse("") + "|" + e.port()).build());
    }

    private static Text subject(Endpoint e) {
        Text title = e.component().map(Components::titleText).orElse(null);
        if (e.isPortWord()) {
            return Text.of("monitoring.claim.subject.port", title, e.port());
        }
        return title == null ? Text.of("monitoring.claim.subject.url", Monitoring.shown(e.text()))
                : Text.of("monitoring.claim.subject.componentUrl", title, Monitoring.shown(e.text()));
    }


    /**
     * A compose template (rendered before use, so left out of every stack) in the folder a command runs in or the
     * folders above it, the nearest first.
     */
    private static Optional<String> templateAbove(ComposeProject compose, String dir) {
        return compose.templates().stream()
                .filter(t -> {
                    String folder = t.contains("/") ? t.substring(0, t.lastIndexOf('/')) : "";
                    return folder.isEmpty() || dir.equals(folder) || dir.startsWith(folder + "/");
                })
                .max(java.util.Comparator.comparingInt(String::length));
    }

    /** The stacks a command runs: the files it names, else the stack compose finds from the folder it runs in. */
    private static List<ComposeStack> stacksFor(ComposeProject compose, SourceFile md, Launch launch) {
        String dir = Monitoring.join(md.folder(), launch.directory());
        List<ComposeStack> out = new ArrayList<>();
        for (String file : launch.files()) {
            String path = Monitoring.join(dir, file);
            String name = file.contains("/") ? file.substring(file.lastIndexOf('/') + 1) : file;
            Optional<ComposeStack> exact = compose.stackOf(path);
            if (exact.isEmpty()) {
                exact = compose.stacks().stream().filter(s -> s.files().stream()
                        .anyMatch(p -> p.equals(name) || p.endsWith("/" + name))).findFirst();
            }
            exact.filter(s -> !out.contains(s)).ifPresent(out::add);
        }
        if (out.isEmpty()) {
            stackAbove(compose, dir).ifPresent(out::add);
        }
        if (out.isEmpty() && !launch.directory().isEmpty() && !md.folder().isEmpty()) {
            // `cd deployment` in a sub-project's README often means the repository's deployment/ folder
            stackAbove(compose, Monitoring.join("", launch.directory())).filter(s -> !s.directory().isEmpty())
                    .ifPresent(out::add);
        }
        return out;
    }

    // ---- is the port published? ----------------------------------------------------------------------------------

    /** @param detail why, for the message; null when there is nothing to add */
    private record Verdict(Kind kind, Text detail) {
        enum Kind { PUBLISHED, UNSURE, MISSING }
    }

    private static Verdict verdict(AuditContext ctx, ComposeProject compose, List<ComposeStack> stacks, int port,
                                   Optional<String> component) {
        List<ComposeService> services = new ArrayList<>();
        stacks.forEach(s -> services.addAll(s.services().values()));
        for (ComposeService s : services) {
            for (PortMapping p : s.ports()) {
                if (p.publishes(port) && p.reachableOnLocalhost()) {
                    return new Verdict(Verdict.Kind.PUBLISHED, null);
                }
            }
            if (s.usesHostNetwork() && (s.declaresContainerPort(port) || s.imageReference()
                    .flatMap(ImageCatalog::lookup).map(k -> k.ports().contains(port)).orElse(false))) {
                return new Verdict(Verdict.Kind.PUBLISHED, null);
            }
        }
        for (ComposeService s : services) {
            for (PortMapping p : s.ports()) {
                Optional<Interpolation.Reference> var = p.hostPortFromUnsetVariable();
                if (var.isPresent() && templateValue(ctx, stacks, var.get().name())
                        .filter(v -> v.equals(String.valueOf(port))).isPresent()) {
                    return new Verdict(Verdict.Kind.PUBLISHED, null);
                }
            }
        }
        for (ComposeStack st : stacks) {
            for (String file : st.files()) {
                if (Monitoring.composeFileUnreadable(ctx, file)) {
                    return new Verdict(Verdict.Kind.UNSURE, Text.of("monitoring.claim.unreadable", file));
                }
            }
        }
        for (ComposeService s : services) {
            if (s.usesHostNetwork() && s.imageReference().flatMap(ImageCatalog::lookup).isEmpty()) {
                return new Verdict(Verdict.Kind.UNSURE, Text.of("monitoring.claim.hostNetwork", s.name()));
            }
        }
        // a host port set outside the repository may be the claimed one: certainly when the service is the one the
        // claim is about (its container port, its component); for a claim that names nothing, also any port without
        // a default, unless another service plainly listens on the claimed port
        boolean listensElsewhere = services.stream().anyMatch(s -> s.ports().stream()
                .anyMatch(p -> p.hasTarget(port) && p.hostPortFromUnsetVariable().isEmpty()));
        for (boolean strict : List.of(true, false)) {
            for (ComposeService s : services) {
                for (PortMapping p : s.ports()) {
                    Optional<Interpolation.Reference> var = p.hostPortFromUnsetVariable();
                    if (var.isEmpty() || !p.published() || templateValue(ctx, stacks, var.get().name()).isPresent()) {
                        continue; // an env template documents the value: the port is known, and it is another one
                    }
                    boolean mayBeIt = strict ? p.hasTarget(port)
                            || component.isPresent() && runs(List.of(s), component.get())
                            : component.isEmpty() && p.publishedStart() == 0 && !listensElsewhere;
                    if (mayBeIt) {
                        Interpolation.Reference r = var.get();
                        if (p.targetStart() == 0) { // the container port, too, comes from outside the repository
                            return new Verdict(Verdict.Kind.UNSURE, Text.of("monitoring.claim.outside.ports",
                                    s.name(), p.source().raw(), r.name()));
                        }
                        return new Verdict(Verdict.Kind.UNSURE, p.publishedStart() > 0
                                ? Text.of("monitoring.claim.outside.default", s.name(), p.targetStart(), r.text(),
                                r.name(), p.publishedStart())
                                : Text.of("monitoring.claim.outside.noDefault", s.name(), p.targetStart(), r.text(),
                                r.name()));
                    }
                }
            }
        }
        return new Verdict(Verdict.Kind.MISSING, hint(compose, services, port, component));
    }

    /** Where the claimed thing actually is: the container port published on another host port, or not published. */
    private static Text hint(ComposeProject compose, List<ComposeService> services, int port,
                               Optional<String> component) {
        for (ComposeProblem p : compose.problems()) {
            // a port entry compose rejects ("8080::8080") publishes nothing: that is the defect to fix
            if (p.kind() == ComposeProblem.Kind.INVALID_PORT && p.message().contains(String.valueOf(port))
                    && services.stream().anyMatch(s -> s.sourceFiles().contains(p.location().path()))) {
                return Text.of("monitoring.claim.hint.rejected", p.location().path() + ":" + p.location().line(),
                        p.text());
            }
        }
        for (ComposeService s : services) {
            for (PortMapping p : s.ports()) {
                if (p.published() && p.hasTarget(port) && p.publishedStart() > 0) {
                    return Text.of("monitoring.claim.hint.otherPort", s.name(), port,
                            p.publishedStart() + port - p.targetStart());
                }
            }
        }
        if (component.isPresent()) {
            for (ComposeService s : services) {
                if (runs(List.of(s), component.get())) {
                    List<String> pub = new ArrayList<>();
                    for (PortMapping p : s.ports()) {
                        if (p.publishedStart() > 0 && p.reachableOnLocalhost()) {
                            pub.add(String.valueOf(p.publishedStart()));
                        }
                    }
                    return pub.isEmpty()
                            ? Text.of("monitoring.claim.hint.runsUnpublished", s.name(), Components.titleText(component.get()))
                            : Text.of("monitoring.claim.hint.runs", s.name(), Components.titleText(component.get()),
                            String.join(", ", pub));
                }
            }
        }
        for (ComposeService s : services) {
            if (s.declaresContainerPort(port)) {
                return Text.of("monitoring.claim.hint.internal", s.name(), port);
            }
        }
        return null;
    }

    /** The value an env template next to a stack ({@code .env.example}) gives a variable, if one does. */
    private static Optional<String> templateValue(AuditContext ctx, List<ComposeStack> stacks, String variable) {
        for (ComposeStack s : stacks) {
            for (String name : ENV_TEMPLATES) {
                Optional<SourceFile> t = ctx.workspace().file(s.directory().isEmpty() ? name : s.directory() + "/" + name);
                if (t.isPresent()) {
                    Optional<DotEnv.Entry> entry = DotEnv.of(ctx, t.get()).entry(variable);
                    if (entry.isPresent() && !entry.get().value().isBlank()) {
                        return Optional.of(entry.get().value().strip());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A service that publishes the port in a stack a document in {@code folder} may mean: one in that folder, in a
     * folder above it or in one below it (a README at the root about {@code monitoring/} and {@code logging/}); not a
     * sibling sample's.
     */
    private static Optional<ComposeService> publishedNear(ComposeProject compose, String folder, int port) {
        List<ComposeService> near = new ArrayList<>();
        for (ComposeStack st : compose.stacks()) {
            String d = st.directory();
            boolean related = folder.isEmpty() || d.isEmpty() || d.equals(folder) || d.startsWith(folder + "/")
                    || folder.startsWith(d + "/");
            if (related) {
                near.addAll(st.services().values());
            }
        }
        for (ComposeService s : near) {
            for (PortMapping p : s.ports()) {
                if (p.publishes(port) && p.reachableOnLocalhost()) {
                    return Optional.of(s);
                }
            }
            if (s.usesHostNetwork() && (s.declaresContainerPort(port) || s.imageReference()
                    .flatMap(ImageCatalog::lookup).map(k -> k.ports().contains(port)).orElse(false))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether a compose service anywhere runs the component, or a file or folder of the repository is named for it. */
    private static boolean configured(AuditContext ctx, ComposeProject compose, String component) {
        if (runs(compose.services(), component)) {
            return true;
        }
        String dash = component;
        String under = component.replace('-', '_');
        for (SourceFile f : ctx.workspace().files()) {
            if (FileKinds.isMarkdown(f.path())) {
                continue;
            }
            for (String seg : f.path().toLowerCase(Locale.ROOT).split("/")) {
                if (seg.startsWith(dash) || seg.startsWith(under)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean runs(List<ComposeService> services, String component) {
        for (ComposeService s : services) {
            if (ImageCatalog.component(s).filter(component::equals).isPresent()
                    || s.image().isEmpty() && s.name().equalsIgnoreCase(component)) {
                return true;
            }
        }
        return false;
    }
}
