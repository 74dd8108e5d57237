package io.samokoder.model.docsite;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page as Python-Markdown's block containers read it: admonition ({@code !!! note "Title"}), pymdownx.details
 * ({@code ??? note}, {@code ???+ note}) and pymdownx.tabbed ({@code === "Title"}) take the lines indented by four
 * columns below their marker line as Markdown content (nested containers indent four more). GitHub shows the same
 * lines as an indented code block, so links and headings there exist only on the site. {@link #unwrap} returns the
 * text with marker lines blanked and content lines moved left by their container's indent, line numbers kept, and
 * the tab labels in document order. Fenced code is left as it is (a marker inside a fence is code).
 */
public final class BlockContainers {

    /** A content tab's label, its 1-based line, and the number of containers around it. */
    public record Tab(String title, int line, int depth) {
    }

    /**
     * The unwrapped text, how many characters were removed from the start of each line (0-based index; a blanked
     * marker line counts its whole length), and the tabs.
     */
    public record Unwrapped(String text, int[] removed, List<Tab> tabs) {
    }

    private static final Pattern ADMONITION = Pattern.compile(
            "(?:!!!|\\?\\?\\?\\+?) ?(?:[\\w-]+(?: +[\\w-]+)*(?: +\"[^\"]*\")?|\"[^\"]*\") *");
    private static final Pattern TAB = Pattern.compile("={3}(?:\\+|\\+!|!\\+|!)? +\"(.*?)\" *");
    private static final Pattern FENCE = Pattern.compile(" {0,3}(`{3,}|~{3,}).*");

    private BlockContainers() {
    }

    /** Whether the text has a container marker line at all (cheap test before {@link #unwrap}). */
    public static boolean mayHave(String text) {
        return text.contains("!!!") || text.contains("???") || text.contains("===");
    }

    public static Unwrapped unwrap(String text) {
        String[] lines = text.split("\n", -1);
        int[] removed = new int[lines.length];
        List<Tab> tabs = new ArrayList<>();
        Deque<Integer> indents = new ArrayDeque<>();
        StringBuilder out = new StringBuilder(text.length());
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean cr = line.endsWith("\r");
            String body = cr ? line.substring(0, line.length() - 1) : line;
            String content = body;
            if (!body.isBlank()) {
                int columns = columns(body);
                while (!indents.isEmpty() && columns < indents.peek()) {
                    indents.pop();
                    fence = null; // a fence does not outlive its container
                }
                int strip = indents.isEmpty() ? 0 : indents.peek();
                int cut = cut(body, strip);
                content = body.substring(cut);
                removed[i] = cut;
                if (fence == null) {
                    Matcher tab = TAB.matcher(content);
                    boolean isTab = tab.matches();
                    if (isTab || ADMONITION.matcher(content).matches()) {
                        if (isTab) {
                            tabs.add(new Tab(tab.group(1), i + 1, indents.size()));
                        }
                        indents.push(strip + 4);
                        removed[i] = body.length();
                        content = "";
                    }
                }
                Matcher f = FENCE.matcher(content);
                if (f.matches()) {
                    String mark = f.group(1);
                    if (fence == null) {
                        fence = mark;
                    } else if (mark.charAt(0) == fence.charAt(0) && mark.length() >= fence.length()
                            && content.strip().equals(mark)) {
                        fence = null;
                    }
                }
            }
            out.append(content);
            if (cr) {
                out.append('\r');
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return new Unwrapped(out.toString(), removed, List.copyOf(tabs));
    }

    /** Leading columns of whitespace (a tab to the next multiple of four). */
    private static int columns(String line) {
        int c = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == ' ') {
                c++;
            } else if (ch == '\t') {
                c += 4 - c % 4;
            } else {
                break;
            }
        }
        return c;
    }

    /** How many characters make up the first {@code columns} columns of leading whitespace. */
    private static int cut(String line, int columns) {
        int c = 0;
        int i = 0;
        while (i < line.length() && c < columns) {
            char ch = line.charAt(i);
            if (ch == ' ') {
                c++;
            } else if (ch == '\t') {
                c += 4 - c % 4;
            } else {
                break;
            }
            i++;
        }
        return i;
    }
}
