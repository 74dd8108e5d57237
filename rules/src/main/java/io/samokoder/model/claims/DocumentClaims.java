package io.samokoder.model.claims;

import io.samokoder.model.markdown.MarkdownDocument;
import io.samokoder.workspace.LineIndex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one Markdown document says about running things: the commands that start something ({@link Launch}), the
 * local URLs and ports it names with the component each belongs to ({@link Endpoint}), the sentences that say compose
 * starts components ({@link UpStatement}), and compose snippets it shows. Read from the docs model's single parse
 * ({@link MarkdownDocument#spans()}): commands come from shell code blocks, inline code and prose; URLs in code count
 * only where a command requests or opens them or a line is only the URL, never in log output or configuration.
 *
 * <p>Which command an endpoint belongs to is {@link #context(Endpoint)}: the nearest command of its own section, else
 * of the introductions of the sections around it. Never throws; all patterns are linear.
 */
public final class DocumentClaims {

    private static final Pattern LOCAL_URL = Pattern.compile(
            "(https?)://(localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1\\])(?::(\\d{1,5}))?", Pattern.CASE_INSENSITIVE);
    /** "port 3000", "порт 3000", "port: 3000". */
    private static final Pattern PORT_WORD = Pattern.compile("(?<![\\p{L}])(?:port|порт\\p{L}*)\\s*:?\\s*(\\d{2,5})\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern UP = Pattern.compile(
            "(?:docker[- ]compose|podman[- ]compose)\\b[^\\n`]{0,80}?\\bup\\b(?:[ \\t]+--?[\\w-]+(?![\\w./:-]))*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPOSE_WORD = Pattern.compile("(?i)\\bcompose\\b");
    private static final Pattern PROMPT = Pattern.compile("^\\s*(?:\\$|%|❯|➜|PS [^>]{0,60}>|PS>|[\\w.@~:/-]{0,40}\\$)\\s+");
    private static final Pattern SNIPPET_PORT = Pattern.compile(
            "^\\s*-\\s*[\"']?(?:\\d{1,3}(?:\\.\\d{1,3}){3}:)?(\\d{1,5})(?:-\\d{1,5})?:\\d{1,5}|^\\s*published:\\s*[\"']?(\\d{1,5})");
    private static final Set<String> SHELL = Set.of("", "sh", "bash", "shell", "zsh", "console", "shell-session",
            "sh-session", "shellsession", "terminal", "cmd", "bat", "batch", "powershell", "ps", "ps1", "pwsh", "fish",
            "ksh", "posh", "command", "cli", "commandline", "session");

    /** A compose snippet's published port. */
    private record Shown(int offset, int line, int port) {
    }

    private record RawUrl(int start, int end, int offset, String text, int port, Endpoint.Where where) {
    }

    private final String text;
    private final LineIndex index;
    private final int[] headingOffsets;
    private final int[] headingLevels;
    private final List<Launch> launches = new ArrayList<>();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final List<UpStatement> ups = new ArrayList<>();
    private final List<Shown> shown = new ArrayList<>();
    private boolean mentionsCompose;

    private DocumentClaims(String text, MarkdownDocument doc) {
        this.text = text;
        index = new LineIndex(text);
        List<MarkdownDocument.Heading> hs = doc.headings();
        headingOffsets = new int[hs.size()];
        headingLevels = new int[hs.size()];
        for (int i = 0; i < hs.size(); i++) {
            int line = Math.max(1, Math.min(hs.get(i).line(), index.count()));
            headingOffsets[i] = index.start(line);
            headingLevels[i] = hs.get(i).level();
        }
    }

    /** Reads a document; {@code resolver} follows {@code make}/{@code just}/{@code task} targets and scripts. */
    public static DocumentClaims read(MarkdownDocument doc, String markdown, Launches.Resolver resolver) {
        String text = markdown == null ? "" : markdown;
        DocumentClaims c = new DocumentClaims(text, doc);
        c.scan(doc, resolver);
        return c;
    }

    /** The claims of a repository document, read once per audit; commands are followed into the repository. */
    public static DocumentClaims of(io.samokoder.engine.AuditContext context, io.samokoder.engine.SourceFile file) {
        return context.parsed(file, DocumentClaims.class, f -> read(MarkdownDocument.of(context, f),
                context.workspace().text(f).orElse(""), new WorkspaceRecipes(context, f.folder())));
    }

    /** Reads a document without following task runners or scripts (tests, single documents). */
    public static DocumentClaims read(String markdown) {
        String text = markdown == null ? "" : markdown;
        return read(MarkdownDocument.parse("", text), text, Launches.Resolver.NONE);
    }

    /** Commands that start something, in document order. */
    public List<Launch> launches() {
        return List.copyOf(launches);
    }

    /** Local URLs and ports, in document order, one per line and port. */
    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** Sentences saying compose starts components, in document order. */
    public List<UpStatement> upStatements() {
        return List.copyOf(ups);
    }

    /** Whether the document runs compose anywhere (a command, an up statement, a heading about compose). */
    public boolean mentionsCompose() {
        return mentionsCompose;
    }

    /** Whether every command of the document that starts something is a compose command (and there is one). */
    public boolean onlyComposeLaunches() {
        return !launches.isEmpty() && launches.stream().allMatch(Launch::isCompose);
    }

    /** The document's first compose command (a heading about compose when it has no command), if any. */
    public Optional<Launch> firstComposeLaunch() {
        Optional<Launch> command = launches.stream().filter(l -> l.isCompose() && !l.via().equals(Launch.HEADING))
                .findFirst();
        return command.isPresent() ? command : launches.stream().filter(Launch::isCompose).findFirst();
    }

    /**
     * The command an endpoint belongs to: the nearest one before it in its section, else the first after it in its
     * section, else the last one of the introduction (text before the first sub-heading) of each section around it,
     * innermost first, and of the text before the first heading.
     */
    public RunContext context(Endpoint e) {
        return context(e.offset());
    }

    RunContext context(int offset) {
        int h = sectionOf(offset);
        int start = h < 0 ? 0 : headingOffsets[h];
        int end = h + 1 < headingOffsets.length ? headingOffsets[h + 1] : text.length();
        Launch before = null;
        Launch after = null;
        for (Launch l : launches) {
            if (l.offset() >= start && l.offset() < offset) {
                before = l;
            } else if (after == null && l.offset() > offset && l.offset() < end) {
                after = l;
            }
        }
        if (before != null || after != null) {
            return new RunContext(Optional.of(before != null ? before : after));
        }
        int level = h < 0 ? 0 : headingLevels[h];
        for (int k = h - 1; k >= 0 && level > 1; k--) {
            if (headingLevels[k] < level) {
                Optional<Launch> l = lastIn(headingOffsets[k], headingOffsets[k + 1]);
                if (l.isPresent()) {
                    return new RunContext(l);
                }
                level = headingLevels[k];
            }
        }
        if (h >= 0) {
            Optional<Launch> l = lastIn(0, headingOffsets[0]);
            if (l.isPresent()) {
                return new RunContext(l);
            }
        }
        return RunContext.NONE;
    }

    /** The line of a compose snippet in the endpoint's section that publishes its port, if the document shows one. */
    public Optional<Integer> shownPublishing(Endpoint e) {
        int h = sectionOf(e.offset());
        int start = h < 0 ? 0 : headingOffsets[h];
        int end = h + 1 < headingOffsets.length ? headingOffsets[h + 1] : text.length();
        return shown.stream().filter(s -> s.offset() >= start && s.offset() < end && s.port() == e.port())
                .map(Shown::line).findFirst();
    }

    private Optional<Launch> lastIn(int from, int to) {
        Launch last = null;
        for (Launch l : launches) {
            if (l.offset() >= from && l.offset() < to) {
                last = l;
            }
        }
        return Optional.ofNullable(last);
    }

    private int sectionOf(int offset) {
        int h = -1;
        for (int i = 0; i < headingOffsets.length && headingOffsets[i] <= offset; i++) {
            h = i;
        }
        return h;
    }

    // ---- scanning ------------------------------------------------------------------------------------------------

    private void scan(MarkdownDocument doc, Launches.Resolver resolver) {
        List<RawUrl> urls = new ArrayList<>();
        List<int[]> portWords = new ArrayList<>();
        for (MarkdownDocument.Span span : doc.spans()) {
            int s = Math.min(span.start(), text.length());
            int e = Math.min(span.end(), text.length());
            String chars = text.substring(s, e);
            switch (span.kind()) {
                case TEXT -> {
                    urls(chars, s, Endpoint.Where.PROSE, urls);
                    Matcher pw = PORT_WORD.matcher(chars);
                    while (pw.find()) {
                        portWords.add(new int[]{s + pw.start(), Integer.parseInt(pw.group(1))});
                    }
                    Matcher up = UP.matcher(chars);
                    while (up.find()) {
                        launch(up.group(), s + up.start(), "", resolver);
                    }
                }
                case LINK, AUTOLINK, HTML_BLOCK, HTML_INLINE -> urls(chars, s, Endpoint.Where.PROSE, urls);
                case CODE -> inlineCode(chars, s, resolver, urls);
                case CODE_BLOCK -> codeBlock(chars, s, resolver, urls);
                case BLOCK -> upStatement(chars, s, resolver);
                default -> {
                }
            }
        }
        for (int i = 0; i < headingOffsets.length; i++) {
            String heading = index.text(lineOf(headingOffsets[i]));
            if (COMPOSE_WORD.matcher(heading).find()) {
                // "## Running with Docker Compose": the section is about compose even before its command
                launches.add(new Launch(Launch.Kind.COMPOSE, headingOffsets[i], lineOf(headingOffsets[i]),
                        heading.replaceFirst("^[#\\s]+", "").strip(), List.of(), List.of(), List.of(), "", Launch.HEADING));
            }
        }
        launches.sort(Comparator.comparingInt(Launch::offset));
        mentionsCompose |= launches.stream().anyMatch(Launch::isCompose) || !ups.isEmpty();
        endpoints(urls, portWords);
    }

    private void launch(String command, int offset, String dir, Launches.Resolver resolver) {
        Optional<Launches.Found> f = Launches.classify(command, resolver, dir, 0);
        if (f.isPresent()) {
            String shownCommand = command.strip().replaceAll("\\s+", " ");
            if (shownCommand.length() > 80) {
                shownCommand = shownCommand.substring(0, 79) + "…";
            }
            launches.add(f.get().at(offset, lineOf(offset), shownCommand));
        }
    }

    private void inlineCode(String chars, int start, Launches.Resolver resolver, List<RawUrl> urls) {
        int ticks = 0;
        while (ticks < chars.length() && chars.charAt(ticks) == '`') {
            ticks++;
        }
        String inner = chars.substring(ticks, Math.max(ticks, chars.length() - ticks));
        String body = inner.strip();
        int bodyStart = start + ticks + inner.indexOf(body.isEmpty() ? inner : body);
        Matcher m = LOCAL_URL.matcher(body);
        if (m.find() && m.start() == 0 && body.indexOf(' ') < 0) {
            urls(body, bodyStart, Endpoint.Where.PROSE, urls);
        } else if (Launches.accessesUrl(body)) {
            urls(body, bodyStart, Endpoint.Where.COMMAND, urls);
        } else {
            launch(body, bodyStart, "", resolver);
        }
    }

    private void codeBlock(String chars, int start, Launches.Resolver resolver, List<RawUrl> urls) {
        LineIndex block = new LineIndex(chars);
        String[] lines = new String[block.count()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = block.text(i + 1);
        }
        String first = lines.length == 0 ? "" : lines[0].strip();
        boolean fenced = first.startsWith("```") || first.startsWith("~~~");
        String lang = fenced ? first.replaceFirst("^[`~]+", "").strip().split("[\\s{,]", 2)[0]
                .toLowerCase(Locale.ROOT) : "";
        boolean shell = SHELL.contains(lang);
        int from = fenced ? 1 : 0;
        int to = lines.length;
        if (fenced && to > from && lines[to - 1].strip().matches("[`~]{3,}")) {
            to--;
        }
        boolean prompts = false;
        for (int i = from; i < to; i++) {
            prompts |= PROMPT.matcher(lines[i]).find();
        }
        boolean snippet = chars.contains("ports:") || chars.contains("published:");
        String dir = "";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineOffset = start + block.start(i + 1);
            if (i < from || i >= to) {
                continue;
            }
            if (snippet && !shell) {
                Matcher sp = SNIPPET_PORT.matcher(line);
                if (sp.find()) {
                    String p = sp.group(1) != null ? sp.group(1) : sp.group(2);
                    shown.add(new Shown(lineOffset, lineOf(lineOffset), Integer.parseInt(p)));
                }
            }
            String body = fenced ? line : line.replaceFirst("^(?: {4}|\\t)", "");
            Matcher prompt = PROMPT.matcher(body);
            boolean isCommand = shell && (prompts ? prompt.find() : !body.strip().startsWith("#"));
            String stripped = body.strip();
            if (prompts && isCommand) {
                stripped = body.substring(prompt.end()).strip();
            }
            int bodyOffset = lineOffset + Math.max(0, line.indexOf(stripped.isEmpty() ? line : stripped));
            Matcher url = LOCAL_URL.matcher(stripped);
            boolean urlOnly = url.find() && url.start() <= 1 && stripped.indexOf(' ') < 0;
            if (urlOnly) {
                urls(stripped, bodyOffset, Endpoint.Where.URL_LINE, urls);
                continue;
            }
            if (!isCommand || stripped.isEmpty()) {
                continue;
            }
            // continuation lines belong to the command they continue
            StringBuilder cmd = new StringBuilder(stripped);
            int j = i;
            while (cmd.toString().endsWith("\\") && j + 1 < to) {
                cmd.setLength(cmd.length() - 1);
                String next = lines[++j];
                cmd.append(' ').append(next.strip());
            }
            String command = cmd.toString();
            if (command.startsWith("cd ") && !command.contains("&&") && !command.contains(";")) {
                dir = Launches.join(dir, command.substring(3).strip());
            } else if (Launches.accessesUrl(command)) {
                urls(stripped, bodyOffset, Endpoint.Where.COMMAND, urls);
            } else {
                launch(command, bodyOffset, dir, resolver);
            }
            i = j;
        }
    }

    private void upStatement(String chars, int start, Launches.Resolver resolver) {
        Matcher up = UP.matcher(chars);
        if (!up.find()) {
            return;
        }
        List<String> named = Components.named(chars);
        if (named.isEmpty()) {
            return;
        }
        int offset = start + up.start();
        int line = lineOf(offset);
        if (ups.stream().anyMatch(u -> u.line() == line)) {
            return; // a list item and its paragraph are both blocks
        }
        String command = up.group().replace("`", "").strip();
        Launch launch = Launches.classify(command, resolver, "", 0)
                .map(f -> f.at(offset, line, command))
                .orElse(new Launch(Launch.Kind.COMPOSE, offset, line, command, List.of(), List.of(), List.of(), "", ""));
        ups.add(new UpStatement(start, start + chars.length(), line, up.group(), launch, named));
    }

    private void urls(String chars, int base, Endpoint.Where where, List<RawUrl> out) {
        Matcher m = LOCAL_URL.matcher(chars);
        while (m.find()) {
            int after = m.end();
            // look past the span: "localhost:<port>" ends a text run where the inline HTML starts
            int abs = base + after;
            char next = abs < text.length() && base + m.start() < text.length()
                    && text.startsWith(m.group(), base + m.start()) ? text.charAt(abs)
                    : after < chars.length() ? chars.charAt(after) : ' ';
            char next2 = abs + 1 < text.length() ? text.charAt(abs + 1) : ' ';
            if (next == ':' || Character.isLetterOrDigit(next) || next == '_' || next == '$' || next == '{'
                    || next == '<' || (next == '.' || next == '-') && Character.isLetterOrDigit(next2)) {
                continue; // a placeholder port (localhost:${PORT}, localhost:<port>) or a longer host name
            }
            int port = m.group(3) != null ? Integer.parseInt(m.group(3))
                    : m.group(1).equalsIgnoreCase("https") ? 443 : 80;
            if (port < 1 || port > 65535) {
                continue;
            }
            int end = after;
            while (end < chars.length() && " \t\n)]>\"'`|,".indexOf(chars.charAt(end)) < 0) {
                end++;
            }
            out.add(new RawUrl(base + m.start(), base + end, base + m.start(), m.group(), port, where));
        }
    }

    private void endpoints(List<RawUrl> urls, List<int[]> portWords) {
        urls.sort(Comparator.comparingInt(RawUrl::start));
        Set<String> seen = new HashSet<>();
        List<Endpoint> out = new ArrayList<>();
        int i = 0;
        while (i < urls.size()) {
            int line = lineOf(urls.get(i).start());
            List<RawUrl> onLine = new ArrayList<>();
            while (i < urls.size() && lineOf(urls.get(i).start()) == line) {
                RawUrl u = urls.get(i++);
                if (onLine.stream().noneMatch(x -> x.start() == u.start())) {
                    onLine.add(u);
                }
            }
            int lineStart = index.start(line);
            String lineText = index.text(line);
            List<Components.Mention> mentions = Components.find(lineText).stream()
                    .filter(mm -> !mm.id().equals(Components.MONITORING)).toList();
            List<Optional<String>> owners = owners(onLine, mentions, lineStart);
            for (int k = 0; k < onLine.size(); k++) {
                RawUrl u = onLine.get(k);
                if (seen.add(line + ":" + u.port())) {
                    out.add(new Endpoint(u.text(), u.port(), u.offset(), line, u.offset() - lineStart + 1,
                            owners.get(k), u.where()));
                }
            }
        }
        for (int[] pw : portWords) {
            int line = lineOf(pw[0]);
            int lineStart = index.start(line);
            String lineText = index.text(line);
            Optional<String> component = componentBefore(lineText, pw[0] - lineStart);
            if (component.isPresent() && pw[1] >= 1 && pw[1] <= 65535 && seen.add(line + ":" + pw[1])) {
                out.add(new Endpoint("port " + pw[1], pw[1], pw[0], line, pw[0] - lineStart + 1, component,
                        Endpoint.Where.PORT_WORD));
            }
        }
        out.sort(Comparator.comparingInt(Endpoint::offset));
        endpoints.addAll(out);
    }

    /**
     * The component of each URL on a line: named inside the URL ({@code http://localhost/grafana/}); else, when the
     * line names a component before its first URL ("Prometheus at http://…, Grafana at http://…"), the last name
     * between the previous URL and this one; else ("http://… (Prometheus)") the first name between this URL and the
     * next. A URL without a name of its own gets none: it does not inherit its neighbour's.
     */
    private List<Optional<String>> owners(List<RawUrl> urls, List<Components.Mention> mentions, int lineStart) {
        List<Optional<String>> out = new ArrayList<>();
        boolean nameFirst = !urls.isEmpty() && mentions.stream()
                .anyMatch(m -> lineStart + m.start() < urls.get(0).start());
        for (int k = 0; k < urls.size(); k++) {
            RawUrl u = urls.get(k);
            int prevEnd = k > 0 ? urls.get(k - 1).end() : lineStart;
            int nextStart = k + 1 < urls.size() ? urls.get(k + 1).start() : Integer.MAX_VALUE;
            Optional<String> inside = mentions.stream()
                    .filter(m -> lineStart + m.start() >= u.start() && lineStart + m.start() < u.end())
                    .map(Components.Mention::id).findFirst();
            if (inside.isPresent()) {
                out.add(inside);
                continue;
            }
            Optional<String> owner = Optional.empty();
            if (nameFirst) {
                for (Components.Mention m : mentions) {
                    int at = lineStart + m.start();
                    if (at >= prevEnd && at < u.start() && !inParentheses(at, u.start())) {
                        owner = Optional.of(m.id());
                    }
                }
            } else {
                owner = mentions.stream().filter(m -> lineStart + m.start() >= u.end()
                        && lineStart + m.start() < nextStart).map(Components.Mention::id).findFirst();
            }
            out.add(owner);
        }
        return out;
    }

    /** Whether {@code at} is inside a parenthesis closed before {@code before}: an aside ("(you'll use Grafana)"). */
    private boolean inParentheses(int at, int before) {
        int open = text.lastIndexOf('(', at);
        int lineStart = index.start(lineOf(at));
        if (open < lineStart) {
            return false;
        }
        int close = text.indexOf(')', at);
        return close >= 0 && close < before && text.lastIndexOf(')', at) < open;
    }

    /** The component named in the same clause right before {@code column} ("Grafana listens on port 3000"). */
    private static Optional<String> componentBefore(String line, int column) {
        String best = null;
        int bestEnd = -1;
        for (Components.Mention m : Components.find(line)) {
            if (m.id().equals(Components.MONITORING) || m.end() > column || m.end() <= bestEnd) {
                continue;
            }
            String between = line.substring(m.end(), Math.min(column, line.length()));
            if (between.length() <= 40 && between.chars().noneMatch(c -> c == ',' || c == ';' || c == '.')) {
                best = m.id();
                bestEnd = m.end();
            }
        }
        return Optional.ofNullable(best);
    }

    private int lineOf(int offset) {
        return index.line(offset);
    }
}
