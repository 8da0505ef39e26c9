package io.github.deepseek4j.tokenizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds special tokens written in text: user-defined tokens always, control and unknown tokens
 * only when the caller parses special tokens (llama.cpp's rule). At each position the longest
 * token wins; positions are tried left to right.
 */
final class SpecialTokenMatcher {

    /** Receives the pieces of a text in order: plain-text ranges and matched token ids. */
    interface Sink {
        void text(int start, int end);

        void token(int id);
    }

    private record Candidate(String text, int id, boolean markup) {
    }

    /** Candidates by first char, longest first; a flat table keeps the scan free of boxing. */
    private final Map<Character, Candidate[]> byFirstChar;
    private final boolean[] isFirstChar = new boolean[Character.MAX_VALUE + 1];

    SpecialTokenMatcher(Vocabulary vocabulary) {
        Map<Character, List<Candidate>> groups = new HashMap<>();
        for (int id = 0; id < vocabulary.size(); id++) {
            TokenType type = vocabulary.type(id);
            String text = vocabulary.token(id);
            if (text.isEmpty() || !(type.isSpecialMarkup() || type == TokenType.USER_DEFINED)) {
                continue;
            }
            groups.computeIfAbsent(text.charAt(0), c -> new ArrayList<>())
                    .add(new Candidate(text, id, type.isSpecialMarkup()));
        }
        byFirstChar = new HashMap<>();
        groups.forEach((c, list) -> {
            list.sort(Comparator.comparingInt((Candidate k) -> k.text.length()).reversed()
                    .thenComparingInt(k -> k.id));
            byFirstChar.put(c, list.toArray(Candidate[]::new));
            isFirstChar[c] = true;
        });
    }

    void split(String text, boolean parseSpecial, Sink sink) {
        int runStart = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            Candidate match = isFirstChar[c] ? longestAt(text, i, c, parseSpecial) : null;
            if (match == null) {
                i++;
                continue;
            }
            if (i > runStart) {
                sink.text(runStart, i);
            }
            sink.token(match.id);
            i += match.text.length();
            runStart = i;
        }
        if (n > runStart) {
            sink.text(runStart, n);
        }
    }

    private Candidate longestAt(String text, int pos, char first, boolean parseSpecial) {
        for (Candidate k : byFirstChar.get(first)) {
            if ((parseSpecial || !k.markup) && text.startsWith(k.text, pos)) {
                return k;
            }
        }
        return null;
    }
}
