package io.samokoder.model.markdown;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark 0.64.8 with its three superlinear paths taken out, so that a file parses in time linear in its size
 * (a hostile repository can hold a 5 MB Markdown file of nothing but links or tags):
 * <ul>
 *   <li>Every regular-expression match of the inline parser called {@link Matcher#toMatchResult()}, which on JDK 17
 *   copies the whole input, here the whole paragraph: one copy per link, tag, autolink and space run. The
 *   matches below read the positions from the matcher instead.</li>
 *   <li>The heading parser asked for the paragraph's content on every line it tried (a copy of the paragraph so
 *   far), only to test whether there was a paragraph: it is given a stand-in that answers that without copying.</li>
 *   <li>A link destination without angle brackets was scanned to the end of the line for balanced parentheses, once
 *   for every {@code ](} of the line: the scan stops after 32 unclosed parentheses, cmark's bound (the destination
 *   is then not a link, as in cmark).</li>
 * </ul>
 * Everything else is flexmark's own parsing: the same tree for every other input (tested against the stock parser).
 */
final class LinearParsing {

    /** Unclosed parentheses a link destination may hold, as cmark's {@code manual_scan_link_url_2} allows. */
    static final int MAX_DESTINATION_PARENS = 32;

    private LinearParsing() {
    }

    /**
     * Installs the linear parts into a builder. A custom inline parser makes flexmark leave out its core paragraph
     * pre-processor (reference definitions), so that is added back, as the stock parser would have it.
     */
    static Parser.Builder install(Parser.Builder builder) {
        builder.set(Parser.HEADING_PARSER, false);
        builder.customBlockParserFactory(new Headings());
        builder.customInlineParserFactory(Inline::new);
        if (Parser.REFERENCE_PARAGRAPH_PRE_PROCESSOR.get(builder)) {
            builder.paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
        }
        return builder;
    }

    /** flexmark's inline parser with matches that cost the length of what they match, not of the paragraph. */
    static final class Inline extends InlineParserImpl {

        Inline(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
               Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
               List<InlineParserExtensionFactory> extensions) {
            super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
                    extensions);
        }

        @Override
        public BasedSequence match(Pattern re) {
            Matcher m = find(re);
            return m == null ? null : input.subSequence(m.start(), m.end());
        }

        @Override
        public BasedSequence[] matchWithGroups(Pattern re) {
            Matcher m = find(re);
            if (m == null) {
                return null;
            }
            BasedSequence[] groups = new BasedSequence[m.groupCount() + 1];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = m.start(i) < 0 ? null : input.subSequence(m.start(i), m.end(i));
            }
            return groups;
        }

        /** As flexmark's match: a find from the index; on success the index moves past the match. */
        private Matcher find(Pattern re) {
            if (index >= input.length()) {
                return null;
            }
            Matcher m = re.matcher(input);
            m.region(index, input.length());
            if (!m.find()) {
                return null;
            }
            index = m.end();
            return m;
        }

        @Override
        public BasedSequence parseLinkDestination() {
            BasedSequence angles = match(myParsing.LINK_DESTINATION_ANGLES);
            if (angles != null || linkDestinationParser == null) {
                return angles != null ? angles : super.parseLinkDestination();
            }
            // flexmark's scan, on the input cut where it would stop anyway or at cmark's parenthesis bound
            BasedSequence bounded = input.subSequence(0, destinationBound(input, index));
            BasedSequence destination = linkDestinationParser.parseLinkDestination(bounded, index);
            index += destination.length();
            return destination;
        }
    }

    /**
     * Where a destination scan from {@code from} can end at the latest: at a control character (flexmark's scan
     * stops there), after a {@code )} that closes nothing, or at the parenthesis that opens one too many.
     */
    static int destinationBound(CharSequence s, int from) {
        int depth = 0;
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c < 0x20) {
                return i;
            } else if (c == '(') {
                if (++depth > MAX_DESTINATION_PARENS) {
                    return i;
                }
            } else if (c == ')') {
                if (depth == 0) {
                    return i + 1;
                }
                depth--;
            }
        }
        return n;
    }

    /** flexmark's heading parser, asked "is there a paragraph?" without building the paragraph's text to answer. */
    static final class Headings implements CustomBlockParserFactory {
        private final HeadingParser.Factory stock = new HeadingParser.Factory();

        @Override
        public Set<Class<?>> getAfterDependents() {
            return stock.getAfterDependents();
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return stock.getBeforeDependents();
        }

        @Override
        public boolean affectsGlobalScope() {
            return stock.affectsGlobalScope();
        }

        @Override
        public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
            return stock.getLeadInHandler(options);
        }

        @Override
        public BlockParserFactory apply(DataHolder options) {
            BlockParserFactory parser = stock.apply(options);
            // its only use of the content is a test for null; a setext heading reads the paragraph's lines
            return (state, matched) -> parser.tryStart(state, new MatchedBlockParser() {
                @Override
                public BlockParser getBlockParser() {
                    return matched.getBlockParser();
                }

                @Override
                public BasedSequence getParagraphContent() {
                    return matched.getBlockParser().isParagraphParser() ? BasedSequence.EMPTY : null;
                }

                @Override
                public List<BasedSequence> getParagraphLines() {
                    return matched.getParagraphLines();
                }

                @Override
                public List<Integer> getParagraphEolLengths() {
                    return matched.getParagraphEolLengths();
                }

                @Override
                public MutableDataHolder getParagraphDataHolder() {
                    return matched.getParagraphDataHolder();
                }
            });
        }
    }
}
