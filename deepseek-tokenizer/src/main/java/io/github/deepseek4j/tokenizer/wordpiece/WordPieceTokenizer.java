package io.github.deepseek4j.tokenizer.wordpiece;

import io.github.deepseek4j.tokenizer.TokenIdList;
import io.github.deepseek4j.tokenizer.TokenType;
import io.github.deepseek4j.tokenizer.TokenizerException;
import io.github.deepseek4j.tokenizer.TokenizerKind;
import io.github.deepseek4j.tokenizer.Vocabulary;
import io.github.deepseek4j.tokenizer.VocabularyTokenizer;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * BERT WordPiece over a GGUF vocabulary, where word-initial pieces carry a U+2581 prefix and
 * continuation pieces none (the converter's form of {@code ##}). Text is cleaned (control
 * characters dropped), accents stripped (NFD without non-spacing marks), lower-cased, split at
 * white space, punctuation, ASCII symbols and CJK ideographs; each word is then covered greedily
 * by the longest pieces, or becomes the unknown token when it cannot be covered.
 */
public final class WordPieceTokenizer extends VocabularyTokenizer {

    private static final char WORD_MARK = '\u2581';

    private final Map<String, Integer> pieceIds;
    private final int maxPieceLength;
    private final int unknownId;

    public WordPieceTokenizer(Vocabulary vocabulary) {
        super(requireKind(vocabulary, TokenizerKind.WORD_PIECE), pieces(vocabulary, id ->
                vocabulary.type(id) == TokenType.NORMAL ? utf8WithSpaces(vocabulary.token(id)) : utf8(vocabulary.token(id))),
                true);
        pieceIds = new HashMap<>(vocabulary.size() * 2);
        int max = 1;
        for (int id = 0; id < vocabulary.size(); id++) {
            if (vocabulary.type(id) == TokenType.NORMAL || vocabulary.type(id) == TokenType.USER_DEFINED) {
                String text = vocabulary.token(id);
                pieceIds.putIfAbsent(text, id);
                max = Math.max(max, text.length());
            }
        }
        maxPieceLength = max;
        unknownId = vocabulary.specialIds().unknown();
    }

    @Override
    protected void encodeText(String text, int start, int end, boolean atStart, TokenIdList out) {
        String normalized = Normalizer.normalize(text.substring(start, end), Normalizer.Form.NFD);
        StringBuilder word = new StringBuilder().append(WORD_MARK);
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (isWhiteSpace(cp)) {
                flush(word, out);
            } else if (cp == 0 || cp == 0xFFFD || type == Character.NON_SPACING_MARK || isControl(type)) {
                continue;
            } else if (isPunctuation(cp, type) || isCjkIdeograph(cp)) {
                flush(word, out);
                word.appendCodePoint(Character.toLowerCase(cp));
                flush(word, out);
            } else {
                word.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        flush(word, out);
    }

    /** Tokenizes the word collected so far (after its U+2581 mark) and starts the next one. */
    private void flush(StringBuilder word, TokenIdList out) {
        if (word.length() > 1) {
            int[] pieces = cover(word);
            if (pieces != null) {
                for (int id : pieces) {
                    out.add(id);
                }
            } else if (unknownId >= 0) {
                out.add(unknownId);
            }
        }
        word.setLength(1);
    }

    /** The longest-first pieces that cover the word, or {@code null} when some part matches no piece. */
    private int[] cover(StringBuilder word) {
        TokenIdList pieces = new TokenIdList(4);
        int n = word.length();
        for (int i = 0; i < n; ) {
            int end = Math.min(n, i + maxPieceLength);
            Integer id = null;
            while (end > i && (id = pieceIds.get(word.substring(i, end))) == null) {
                end--;
            }
            if (id == null) {
                return null;
            }
            pieces.add(id);
            i = end;
        }
        return pieces.toArray();
    }

    /** Unicode White_Space. */
    private static boolean isWhiteSpace(int cp) {
        return (Character.isWhitespace(cp) && (cp < 0x1C || cp > 0x1F)) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    private static boolean isControl(int type) {
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }

    /** Unicode punctuation, and every ASCII symbol ($, +, <, =, >, ^, `, |, ~), as BERT splits them. */
    private static boolean isPunctuation(int cp, int type) {
        if (cp < 0x80 && (cp >= 0x21 && cp <= 0x2F || cp >= 0x3A && cp <= 0x40 || cp >= 0x5B && cp <= 0x60
                || cp >= 0x7B && cp <= 0x7E)) {
            return true;
        }
        return switch (type) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isCjkIdeograph(int cp) {
        return cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0x3400 && cp <= 0x4DBF || cp >= 0x20000 && cp <= 0x2A6DF
                || cp >= 0x2A700 && cp <= 0x2B73F || cp >= 0x2B740 && cp <= 0x2B81F || cp >= 0x2B820 && cp <= 0x2CEAF
                || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0x2F800 && cp <= 0x2FA1F;
    }
}
