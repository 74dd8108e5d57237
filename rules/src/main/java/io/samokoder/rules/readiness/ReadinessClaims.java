package io.samokoder.rules.readiness;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.HtmlInnerBlockComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import io.samokoder.model.markdown.DeepStack;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds readiness claims in a Markdown document: prose such as "Production Ready (95%)", "95% production-ready",
 * "готово к продакшену", and badges whose label or message says production readiness with a percentage (shields.io
 * {@code /badge/production%20ready-95%25-brightgreen}, {@code ?label=…&message=…}, badgen).
 *
 * <p>The document is parsed with flexmark so that code (fenced, indented, inline), HTML comments, link destinations
 * and HTML tags never count as prose. Claims that are negated or aspirational ("not production-ready yet", "the goal
 * is to become production ready", "пока не готово к продакшену") or quoted ({@code README claims "Production Ready
 * (95%)"}) are not claims. At most one claim per line is reported: the highest percentage, else the first
 * unqualified claim. Claims split over two lines are not recognised. Never throws; all patterns are linear.
 */
public final class ReadinessClaims {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** Adjective forms: a statement that something is ready. */
    private static final String READY = "(?:production[ \\-]?ready|prod[ \\-]ready|ready\\s(?:for|to\\sgo\\sto)\\sproduction"
            + "|готов(?:о|а|ы)?\\s(?:к|для)\\s(?:продакше?н\\w{0,3}|production|проду|прод|(?:промышленной\\s)?эксплуатации))";
    /** Noun forms: only a claim together with a number. */
    private static final String READINESS = "(?:production[ \\-]?readiness|readiness\\sfor\\sproduction"
            + "|готовность\\s(?:к|для)\\s(?:продакше?н\\w{0,3}|production|проду|прод|(?:промышленной\\s)?эксплуатации))";
    private static final String TERM = "(?:" + READY + "|" + READINESS + ")";
    private static final String NUMBER = "(\\d{1,3})(?:[.,]\\d{1,2})?(?:\\s?%|\\s?/\\s?100\\b)";

    private static final Pattern TERM_THEN_NUMBER = Pattern.compile("\\b" + TERM
            + "(?:\\s(?:score|level|status|rate|message|уровень|оценка))?[\\s:()\\[\\]|=—–\\-]{0,6}(?:(?:at|of|на)\\s)?" + NUMBER,
            FLAGS);
    private static final Pattern NUMBER_THEN_TERM = Pattern.compile("(?<![\\d.,])" + NUMBER
            + "[\\s)\\]|—–\\-]{0,4}\\b" + TERM, FLAGS);
    private static final Pattern UNQUALIFIED = Pattern.compile("\\b" + READY + "(?![\\w\\-])", FLAGS);

    /** Words before a claim (in the same sentence) that make it a negation, a goal or a question. */
    private static final Pattern NEGATION = Pattern.compile("\\b(?:not|never|no\\slonger|isn't|aren't|wasn't|won't"
            + "|until|before|toward|towards|aim|aims|goal|goals|plan|plans|planned|road\\sto|path\\sto|way\\sto"
            + "|become|becoming|make|making|get|getting|once|when|if|whether|todo|wip"
            + "|не|нет|пока|цель|целью|чтобы|станет|стать|сделать|путь|когда|если|после|до)\\b", FLAGS);
    /** Nouns right after a claim that make it a topic rather than a claim ("production readiness checklist"). */
    private static final Pattern TOPIC_AFTER = Pattern.compile("^[\\s\\-]{0,3}(?:checklist|check\\slist|review|criteria"
            + "|guide|requirements|assessment|audit|чек-?лист|критери\\w{0,3}|требовани\\w{0,3}|аудит\\w{0,2})\\b", FLAGS);
    private static final Pattern HTML_TAG = Pattern.compile("<[^<>\\n]{0,2000}>");
    private static final Pattern HTML_SRC = Pattern.compile("\\bsrc\\s*=\\s*(?:\"([^\"]{0,2000})\"|'([^']{0,2000})')",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LONE_PERCENT = Pattern.compile("%(?![0-9a-fA-F]{2})");
    private static final String QUOTES = "\"“”«»„";

    private static final Parser PARSER;

    static {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), AutolinkExtension.create()));
        PARSER = Parser.builder(options).build();
    }

    private ReadinessClaims() {
    }

    /** Claims in document order. */
    public static List<ReadinessClaim> find(String markdown) {
        // flexmark recurses once per nesting level: hostile nesting must not overflow the rule thread
        return DeepStack.run(() -> findUnguarded(markdown), List::of);
    }

    private static List<ReadinessClaim> findUnguarded(String markdown) {
        String text = markdown == null ? "" : markdown;
        Document doc = PARSER.parse(text);
        char[] prose = text.toCharArray();
        List<ReadinessClaim> claims = new ArrayList<>();
        mask(doc, text, prose, claims);
        String[] lines = new String(prose).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            claimOnLine(lines[i], i + 1, false).ifPresent(claims::add);
        }
        // one claim per line: the highest percentage, else the first
        claims.sort(Comparator.comparingInt(ReadinessClaim::line).thenComparing(c -> -c.percent())
                .thenComparingInt(ReadinessClaim::column));
        List<ReadinessClaim> out = new ArrayList<>();
        for (ReadinessClaim c : claims) {
            if (out.isEmpty() || out.get(out.size() - 1).line() != c.line()) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    /** Blanks everything that is not prose, collecting badge claims from images on the way. */
    private static void mask(Node node, String text, char[] prose, List<ReadinessClaim> claims) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof FencedCodeBlock || child instanceof IndentedCodeBlock || child instanceof Code
                    || child instanceof HtmlCommentBlock || child instanceof HtmlInnerBlockComment
                    || child instanceof HtmlInlineComment || child instanceof Reference) {
                blank(prose, child.getStartOffset(), child.getEndOffset());
                continue;
            }
            if (child instanceof Image image) {
                badge(text, image.getStartOffset(), image.getUrl().toString(), image.getText().toString())
                        .ifPresent(claims::add);
                blank(prose, image.getUrl());
                blank(prose, image.getTitle());
            } else if (child instanceof ImageRef ref) {
                Reference def = ref.getReferenceNode(ref.getDocument());
                if (def != null) {
                    badge(text, ref.getStartOffset(), def.getUrl().toString(), ref.getText().toString())
                            .ifPresent(claims::add);
                }
            } else if (child instanceof Link link) {
                blank(prose, link.getUrl());
                blank(prose, link.getTitle());
            } else if (child instanceof AutoLink || child instanceof MailLink) {
                blank(prose, child.getStartOffset(), child.getEndOffset());
            } else if (child instanceof LinkRef) {
                // [text][label]: the label is not prose, but the text is
                LinkRef ref = (LinkRef) child;
                if (!ref.getText().isNull() && !ref.getText().isEmpty()) {
                    blank(prose, ref.getReference());
                }
            } else if (child instanceof HtmlBlock || child instanceof HtmlInline) {
                html(text, prose, child.getStartOffset(), child.getEndOffset(), claims);
                continue;
            }
            mask(child, text, prose, claims);
        }
        // emphasis and heading markers are not words; blank them so "Production **Ready**" reads as prose
        if (node instanceof Document) {
            for (int i = 0; i < prose.length; i++) {
                char c = prose[i];
                if (c == '*' || c == '_' || c == '~' || c == '`' || c == '#' || c == '>' || c == '\r' || c == '\t') {
                    prose[i] = ' ';
                }
            }
        }
    }

    private static void html(String text, char[] prose, int start, int end, List<ReadinessClaim> claims) {
        String html = text.substring(start, end);
        Matcher src = HTML_SRC.matcher(html);
        while (src.find()) {
            String url = src.group(1) != null ? src.group(1) : src.group(2);
            badge(text, start + src.start(), url, "").ifPresent(claims::add);
        }
        Matcher tag = HTML_TAG.matcher(html);
        while (tag.find()) {
            blank(prose, start + tag.start(), start + tag.end());
        }
        // <!-- comments --> inside an HTML block
        int from = 0;
        while (true) {
            int open = html.indexOf("<!--", from);
            if (open < 0) {
                break;
            }
            int close = html.indexOf("-->", open + 4);
            int stop = close < 0 ? html.length() : close + 3;
            blank(prose, start + open, start + stop);
            from = stop;
        }
    }

    private static void blank(char[] prose, BasedSequence seq) {
        if (seq != null && !seq.isNull() && !seq.isEmpty()) {
            blank(prose, seq.getStartOffset(), seq.getEndOffset());
        }
    }

    private static void blank(char[] prose, int start, int end) {
        for (int i = Math.max(0, start); i < Math.min(prose.length, end); i++) {
            if (prose[i] != '\n') {
                prose[i] = ' ';
            }
        }
    }

    /** A badge image whose decoded URL or alt text states readiness with a percentage. */
    private static java.util.Optional<ReadinessClaim> badge(String text, int offset, String url, String alt) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.contains("shields.io") || lower.contains("badgen.net") || lower.contains("badge"))) {
            return java.util.Optional.empty();
        }
        String decoded = decodeBadge(url);
        String line = text.substring(0, Math.min(offset, text.length()));
        int lineNo = 1 + (int) line.chars().filter(c -> c == '\n').count();
        int column = offset - (line.lastIndexOf('\n') + 1) + 1;
        for (String candidate : List.of(decoded, alt + " " + decoded)) {
            java.util.Optional<ReadinessClaim> c = claimOnLine(candidate, lineNo, true);
            if (c.isPresent() && c.get().hasPercent()) {
                ReadinessClaim found = c.get();
                return java.util.Optional.of(new ReadinessClaim(lineNo, column, found.percent(),
                        clip("badge " + found.text()), true));
            }
        }
        return java.util.Optional.empty();
    }

    /** The badge's words: shields.io path ({@code --} is a dash, {@code __} an underscore, {@code _} a space) and query. */
    static String decodeBadge(String url) {
        String s = url;
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            int slash = s.indexOf('/', scheme + 3);
            s = slash < 0 ? "" : s.substring(slash);
        }
        s = s.replace("--", "\u0001").replace("__", "\u0002").replace('-', ' ').replace('_', ' ')
                .replace('/', ' ').replace('?', ' ').replace('&', ' ').replace('=', ' ')
                .replace('\u0001', '-').replace('\u0002', '_').replace("+", "%20");
        try {
            s = URLDecoder.decode(LONE_PERCENT.matcher(s).replaceAll("%25"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // malformed escapes: keep the raw text
        }
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    static java.util.Optional<ReadinessClaim> claimOnLine(String rawLine, int lineNo, boolean badge) {
        if (rawLine.isBlank()) {
            return java.util.Optional.empty();
        }
        // collapse runs of blanks (left by masking) keeping a map back to the original columns
        StringBuilder sb = new StringBuilder(rawLine.length());
        int[] map = new int[rawLine.length() + 1];
        boolean space = false;
        for (int i = 0; i < rawLine.length(); i++) {
            char c = rawLine.charAt(i);
            boolean blank = Character.isWhitespace(c) || c == '\u00a0';
            if (blank && (space || sb.length() == 0)) {
                continue;
            }
            map[sb.length()] = i;
            sb.append(blank ? ' ' : c);
            space = blank;
        }
        String line = sb.toString();
        ReadinessClaim best = null;
        for (Pattern p : List.of(TERM_THEN_NUMBER, NUMBER_THEN_TERM)) {
            Matcher m = p.matcher(line);
            while (m.find()) {
                int percent = Integer.parseInt(m.group(1));
                if (percent > 100 || !isClaim(line, m.start(), m.end())) {
                    continue;
                }
                if (best == null || percent > best.percent()) {
                    String claimText = m.group();
                    if (claimText.chars().filter(c -> c == '(').count() > claimText.chars().filter(c -> c == ')').count()
                            && m.end() < line.length() && line.charAt(m.end()) == ')') {
                        claimText += ")";
                    }
                    best = new ReadinessClaim(lineNo, map[m.start()] + 1, percent, clip(claimText), badge);
                }
            }
        }
        if (best == null && !badge) {
            Matcher m = UNQUALIFIED.matcher(line);
            while (m.find()) {
                if (isClaim(line, m.start(), m.end())) {
                    best = new ReadinessClaim(lineNo, map[m.start()] + 1, ReadinessClaim.UNQUALIFIED, clip(m.group()),
                            false);
                    break;
                }
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private static boolean isClaim(String line, int start, int end) {
        int sentence = start;
        while (sentence > 0 && ".!?;".indexOf(line.charAt(sentence - 1)) < 0) {
            sentence--;
        }
        String before = line.substring(sentence, start);
        if (NEGATION.matcher(before).find()) {
            return false;
        }
        int quotes = 0;
        for (int i = 0; i < start; i++) {
            if (QUOTES.indexOf(line.charAt(i)) >= 0) {
                quotes++;
            }
        }
        if (quotes % 2 == 1) {
            return false; // quoting someone else's claim
        }
        String after = line.substring(end);
        if (TOPIC_AFTER.matcher(after).find()) {
            return false;
        }
        int stop = 0;
        while (stop < after.length() && ".!;".indexOf(after.charAt(stop)) < 0) {
            stop++;
        }
        return !after.substring(0, stop).contains("?");
    }

    private static String clip(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > ReadinessClaim.MAX_TEXT ? t.substring(0, ReadinessClaim.MAX_TEXT - 1) + "…" : t;
    }
}
