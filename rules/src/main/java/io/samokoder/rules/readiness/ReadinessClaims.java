package io.samokoder.rules.readiness;


import io.samokoder.model.markdown.MarkdownDocument;

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
 * <p>The document is the docs model's flexmark parse ({@link MarkdownDocument#spans()}), so that code (fenced, indented, inline), HTML comments, link destinations
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
    /** A copula right before the adjective, with the adverbs and article that may stand between. */
    private static final Pattern COPULA_BEFORE = Pattern.compile("(?:\\b(?:is|are|am|be|been)|['’]s)\\s"
            + "(?:(?:now|fully|already|completely|totally|truly|entirely|also|officially|considered)\\s){0,3}"
            + "(?:(?:a|an)\\s)?$", FLAGS);
    private static final Pattern LABEL_BEFORE = Pattern.compile(
            "\\b(?:status|state|статус|состояние)\\s?[:：—–\\-|]\\s?$", FLAGS);
    /** After a sentence-opening adjective: the sentence ends, or goes on without a noun for it to describe. */
    private static final Pattern ELLIPTICAL_AFTER = Pattern.compile("\\s?(?:[.!]|(?:since|as\\sof|today|now"
            + "|out\\sof\\sthe\\sbox|and|with|from|в|с|и)\\b)", FLAGS);
    /** Subjects other than the project itself: what it generates, the reader's code. */
    private static final Pattern ELSEWHERE = Pattern.compile("\\b(?:generated|generates|generate|generating"
            + "|scaffold\\w{0,4}|resulting|your|you|their|генериру\\w{0,4}|сгенерированн\\w{0,4}|ваш\\w{0,2})\\b",
            FLAGS);
    /** Promises and requirements: "will be production-ready", "must be", "designed to be". */
    private static final Pattern MODAL = Pattern.compile("\\b(?:will|would|should|must|could|can|may|might|need"
            + "|needs|to\\sbe|будет|должн\\w{0,2})\\b", FLAGS);
    private static final Pattern HTML_TAG = Pattern.compile("<[^<>\\n]{0,2000}>");
    private static final Pattern HTML_SRC = Pattern.compile("\\bsrc\\s*=\\s*(?:\"([^\"]{0,2000})\"|'([^']{0,2000})')",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LONE_PERCENT = Pattern.compile("%(?![0-9a-fA-F]{2})");
    private static final String QUOTES = "\"“”«»„";

    private ReadinessClaims() {
    }

    /** Claims in document order; parses the text (tests, single documents). */
    public static List<ReadinessClaim> find(String markdown) {
        String text = markdown == null ? "" : markdown;
        return find(MarkdownDocument.parse("", text), text);
    }

    /** Claims in document order, from the docs model's parse of {@code markdown} (no second parse). */
    public static List<ReadinessClaim> find(MarkdownDocument document, String markdown) {
        String text = markdown == null ? "" : markdown;
        char[] prose = text.toCharArray();
        List<ReadinessClaim> claims = new ArrayList<>();
        mask(document, text, prose, claims);
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
    private static void mask(MarkdownDocument document, String text, char[] prose, List<ReadinessClaim> claims) {
        for (MarkdownDocument.Span span : document.spans()) {
            switch (span.kind()) {
                case CODE, CODE_BLOCK, COMMENT, DEFINITION, DESTINATION, AUTOLINK ->
                        blank(prose, span.start(), span.end());
                case HTML_BLOCK, HTML_INLINE -> html(text, prose, span.start(), span.end(), claims);
                default -> {
                }
            }
        }
        for (MarkdownDocument.Link link : document.links()) {
            if (link.kind() == MarkdownDocument.Kind.IMAGE || link.kind() == MarkdownDocument.Kind.IMAGE_REFERENCE) {
                badge(link.line(), link.column(), link.destination(), link.text()).ifPresent(claims::add);
            }
        }
        // emphasis and heading markers are not words; blank them so "Production **Ready**" reads as prose
        for (int i = 0; i < prose.length; i++) {
            char c = prose[i];
            if (c == '*' || c == '_' || c == '~' || c == '`' || c == '#' || c == '>' || c == '\r' || c == '\t') {
                prose[i] = ' ';
            }
        }
    }

    private static void html(String text, char[] prose, int start, int end, List<ReadinessClaim> claims) {
        String html = text.substring(start, end);
        Matcher src = HTML_SRC.matcher(html);
        while (src.find()) {
            String url = src.group(1) != null ? src.group(1) : src.group(2);
            int at = start + src.start();
            String before = text.substring(0, Math.min(at, text.length()));
            int lineNo = 1 + (int) before.chars().filter(c -> c == '\n').count();
            badge(lineNo, at - (before.lastIndexOf('\n') + 1) + 1, url, "").ifPresent(claims::add);
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

    private static void blank(char[] prose, int start, int end) {
        for (int i = Math.max(0, start); i < Math.min(prose.length, end); i++) {
            if (prose[i] != '\n') {
                prose[i] = ' ';
            }
        }
    }

    /** A badge image whose decoded URL or alt text states readiness with a percentage. */
    private static java.util.Optional<ReadinessClaim> badge(int lineNo, int column, String url, String alt) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.contains("shields.io") || lower.contains("badgen.net") || lower.contains("badge"))) {
            return java.util.Optional.empty();
        }
        String decoded = decodeBadge(url);
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
        if (rawLine.isBlank() || !mentionsReadiness(rawLine)) {
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
                if (isClaim(line, m.start(), m.end()) && isStatement(line, m.start(), m.end())) {
                    best = new ReadinessClaim(lineNo, map[m.start()] + 1, ReadinessClaim.UNQUALIFIED, clip(m.group()),
                            false);
                    break;
                }
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /** Every term contains "read" or "готов": lines without either (nearly all) skip the patterns. */
    private static boolean mentionsReadiness(String line) {
        for (int i = 0, n = line.length(); i < n; i++) {
            char c = line.charAt(i);
            if ((c == 'r' || c == 'R') && line.regionMatches(true, i, "read", 0, 4)
                    || (c == 'г' || c == 'Г') && line.regionMatches(true, i, "готов", 0, 5)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a readiness adjective without a number states that something <em>is</em> ready, rather than describing
     * a noun ("generates production-ready Django projects", "Production Ready Metrics") or naming a topic (a
     * "Production Ready" heading over a feature list): after a copula ("is production-ready", "it's a production-ready
     * stack"), after a status label ("Status: production ready"), as a Russian short adjective ("готово к
     * продакшену"), or as a sentence of its own ("Production ready!", "Ready for production since v2."). Not when the
     * subject is what the project generates or the reader's own code ("the generated project is …", "your app is …"),
     * nor when a modal makes it a promise or a requirement ("will be", "must be", "designed to be").
     */
    private static boolean isStatement(String line, int start, int end) {
        int sentence = start;
        while (sentence > 0 && ".!?;".indexOf(line.charAt(sentence - 1)) < 0) {
            sentence--;
        }
        String before = line.substring(sentence, start);
        if (ELSEWHERE.matcher(before).find() || MODAL.matcher(before).find()) {
            return false;
        }
        if (line.regionMatches(true, start, "готов", 0, 5)) {
            return true;
        }
        if (COPULA_BEFORE.matcher(before).find() || LABEL_BEFORE.matcher(before).find()) {
            return true;
        }
        boolean opensSentence = before.codePoints().noneMatch(Character::isLetterOrDigit);
        return opensSentence && ELLIPTICAL_AFTER.matcher(line.substring(end)).lookingAt();
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
