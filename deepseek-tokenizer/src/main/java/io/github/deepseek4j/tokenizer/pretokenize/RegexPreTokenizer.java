package io.github.deepseek4j.tokenizer.pretokenize;

import io.github.deepseek4j.tokenizer.TokenizerException;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Splits text into pieces with a sequence of regular expressions, compiled once. Each pattern
 * splits every piece the previous patterns produced into its matches and the text between them,
 * both kept in order (Hugging Face's "Isolated" split, llama.cpp's regex split).
 *
 * <p>Patterns are written in the Perl/Oniguruma dialect the reference tokenizers use and
 * translated to Java's: {@code \s} means Unicode White_Space, {@code \p{..}} Unicode general
 * categories, and {@code $} only the end of the piece (in Java it would also match before a final
 * line break). Each piece is matched on its own, so look-ahead does not see the next piece.
 */
public final class RegexPreTokenizer {

    /** Receives the pieces of a text as ranges, in order. */
    @FunctionalInterface
    public interface PieceSink {
        void piece(int start, int end);
    }

    private final List<String> sources;
    private final Pattern[] patterns;

    public RegexPreTokenizer(List<String> patterns) {
        this.sources = List.copyOf(patterns);
        this.patterns = new Pattern[sources.size()];
        for (int i = 0; i < this.patterns.length; i++) {
            String source = sources.get(i);
            try {
                this.patterns[i] = Pattern.compile(toJavaRegex(source), Pattern.UNICODE_CHARACTER_CLASS);
            } catch (PatternSyntaxException e) {
                throw new TokenizerException("pre-tokenizer pattern " + i + " '" + source + "' is not a valid regex: "
                        + e.getDescription(), e);
            }
        }
    }

    /** The patterns as given. */
    public List<String> patterns() {
        return sources;
    }

    /** Splits {@code text[start, end)}, handing each non-empty piece to the sink. */
    public void split(String text, int start, int end, PieceSink sink) {
        if (start >= end) {
            return;
        }
        if (patterns.length == 0) {
            sink.piece(start, end);
            return;
        }
        int[] bounds = {start, end};
        int count = 1;
        for (int p = 0; p < patterns.length - 1; p++) {
            Ranges next = new Ranges(count * 2 + 2);
            Matcher m = patterns[p].matcher(text);
            for (int i = 0; i < count; i++) {
                splitOne(m, bounds[2 * i], bounds[2 * i + 1], next::add);
            }
            bounds = next.bounds;
            count = next.count;
        }
        Matcher last = patterns[patterns.length - 1].matcher(text);
        for (int i = 0; i < count; i++) {
            splitOne(last, bounds[2 * i], bounds[2 * i + 1], sink);
        }
    }

    private static void splitOne(Matcher m, int start, int end, PieceSink sink) {
        m.region(start, end);
        int pos = start;
        while (m.find()) {
            if (m.end() == m.start()) {
                continue; // an empty match splits nothing
            }
            if (m.start() > pos) {
                sink.piece(pos, m.start());
            }
            sink.piece(m.start(), m.end());
            pos = m.end();
        }
        if (pos < end) {
            sink.piece(pos, end);
        }
    }

    /** Rewrites the pattern dialect of the reference tokenizers into Java's (see the class comment). */
    static String toJavaRegex(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                out.append(c).append(pattern.charAt(++i));
            } else if (c == '[' && !inClass) {
                inClass = true;
                out.append(c);
                // a ']' right after '[' or '[^' is a literal in the reference dialect
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
                    out.append(pattern.charAt(++i));
                }
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
                    out.append("\\]");
                    i++;
                }
            } else if (c == '[') {
                out.append("\\["); // Java would read a nested class
            } else if (c == ']' && inClass) {
                inClass = false;
                out.append(c);
            } else if (c == '&' && inClass) {
                out.append("\\&"); // Java reads "&&" as class intersection
            } else if (c == '$' && !inClass) {
                out.append("\\z");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Start/end pairs collected while splitting. */
    private static final class Ranges {
        int[] bounds;
        int count;

        Ranges(int capacity) {
            bounds = new int[capacity];
        }

        void add(int start, int end) {
            if (2 * count + 2 > bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[2 * count] = start;
            bounds[2 * count + 1] = end;
            count++;
        }
    }
}
