package io.github.deepseek4j.tokenizer.spm;

import io.github.deepseek4j.tokenizer.SpecialTokenIds;
import io.github.deepseek4j.tokenizer.TokenIdList;
import io.github.deepseek4j.tokenizer.TokenType;
import io.github.deepseek4j.tokenizer.TokenizerException;
import io.github.deepseek4j.tokenizer.TokenizerKind;
import io.github.deepseek4j.tokenizer.Vocabulary;
import io.github.deepseek4j.tokenizer.VocabularyTokenizer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * SentencePiece-style BPE (LLaMA 1/2, Phi-3, stories260K): spaces become U+2581, the text gets a
 * leading space at its start and after each special token, characters are merged by the highest
 * score of the token their concatenation forms (leftmost on ties), and characters no token covers
 * fall back to {@code <0xXX>} byte tokens (or the unknown token).
 */
public final class SentencePieceTokenizer extends VocabularyTokenizer {

    private static final char WORD_MARK = '\u2581';

    private final Map<String, Integer> pieceIds;
    private final float[] scores;
    private final int[] byteTokens = new int[256];
    private final int unknownId;

    public SentencePieceTokenizer(Vocabulary vocabulary) {
        super(requireKind(vocabulary, TokenizerKind.SENTENCE_PIECE), pieces(vocabulary, id -> piece(vocabulary, id)),
                vocabulary.addSpacePrefix());
        pieceIds = new HashMap<>(vocabulary.size() * 2);
        scores = new float[vocabulary.size()];
        for (int id = 0; id < vocabulary.size(); id++) {
            TokenType type = vocabulary.type(id);
            scores[id] = vocabulary.score(id);
            if (type == TokenType.NORMAL || type == TokenType.USER_DEFINED || type == TokenType.UNDEFINED) {
                pieceIds.putIfAbsent(vocabulary.token(id), id);
            }
        }
        unknownId = vocabulary.specialIds().unknown();
        Arrays.fill(byteTokens, -1);
        for (int id = vocabulary.size() - 1; id >= 0; id--) {
            if (vocabulary.type(id) == TokenType.BYTE) {
                byteTokens[parseByteToken(vocabulary.token(id), id)] = id;
            }
        }
        for (int b = 0; b < 256; b++) {
            if (byteTokens[b] < 0) {
                Integer single = b < 0x80 ? pieceIds.get(String.valueOf((char) b)) : null;
                byteTokens[b] = single != null ? single : unknownId;
            }
        }
    }

    private static byte[] piece(Vocabulary vocabulary, int id) {
        String text = vocabulary.token(id);
        return switch (vocabulary.type(id)) {
            case BYTE -> new byte[] {(byte) parseByteToken(text, id)};
            case NORMAL, UNDEFINED, UNUSED -> utf8WithSpaces(text);
            default -> utf8(text);
        };
    }

    /** The byte of a {@code <0xXX>} token. */
    private static int parseByteToken(String text, int id) {
        if (text.length() != 6 || !text.startsWith("<0x") || text.charAt(5) != '>') {
            throw new TokenizerException("byte token " + id + " '" + text + "' is not of the form <0xXX>");
        }
        try {
            return Integer.parseInt(text.substring(3, 5), 16);
        } catch (NumberFormatException e) {
            throw new TokenizerException("byte token " + id + " '" + text + "' is not of the form <0xXX>", e);
        }
    }

    @Override
    protected void encodeText(String text, int start, int end, boolean atStart, TokenIdList out) {
        StringBuilder sb = new StringBuilder(end - start + 1);
        if (atStart && vocabulary().addSpacePrefix()) {
            sb.append(WORD_MARK);
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            sb.append(c == ' ' ? WORD_MARK : c);
        }
        new Session(sb.toString()).tokenize(out);
    }

    /** One merge run over a text: a linked list of symbols (character ranges) and a queue of candidate pairs. */
    private final class Session {
        private final String text;
        private final int[] start;
        private final int[] length;
        private final int[] prev;
        private final int[] next;
        private final PriorityQueue<Bigram> queue = new PriorityQueue<>();

        Session(String text) {
            this.text = text;
            int n = text.codePointCount(0, text.length());
            start = new int[n];
            length = new int[n];
            prev = new int[n];
            next = new int[n];
            int pos = 0;
            for (int i = 0; i < n; i++) {
                start[i] = pos;
                length[i] = Character.charCount(text.codePointAt(pos));
                pos += length[i];
                prev[i] = i - 1;
                next[i] = i + 1 < n ? i + 1 : -1;
            }
        }

        void tokenize(TokenIdList out) {
            int n = start.length;
            for (int i = 1; i < n; i++) {
                tryPair(i - 1, i);
            }
            Bigram b;
            while ((b = queue.poll()) != null) {
                if (length[b.left] == 0 || length[b.right] == 0 || length[b.left] + length[b.right] != b.length) {
                    continue; // stale: a side merged with something else since
                }
                length[b.left] += length[b.right];
                length[b.right] = 0;
                next[b.left] = next[b.right];
                if (next[b.left] >= 0) {
                    prev[next[b.left]] = b.left;
                }
                tryPair(prev[b.left], b.left);
                tryPair(b.left, next[b.left]);
            }
            for (int i = n == 0 ? -1 : 0; i >= 0; i = next[i]) {
                emit(text.substring(start[i], start[i] + length[i]), out);
            }
        }

        private void tryPair(int left, int right) {
            if (left < 0 || right < 0) {
                return;
            }
            Integer id = pieceIds.get(text.substring(start[left], start[right] + length[right]));
            if (id != null) {
                queue.add(new Bigram(left, right, scores[id], length[left] + length[right]));
            }
        }

        private void emit(String symbol, TokenIdList out) {
            Integer id = pieceIds.get(symbol);
            if (id != null) {
                out.add(id);
                return;
            }
            for (byte b : symbol.getBytes(StandardCharsets.UTF_8)) {
                int token = byteTokens[b & 0xFF];
                if (token != SpecialTokenIds.NONE) {
                    out.add(token);
                }
            }
        }
    }

    /** A candidate merge: higher score first, then the leftmost. */
    private record Bigram(int left, int right, float score, int length) implements Comparable<Bigram> {
        @Override
        public int compareTo(Bigram o) {
            int c = Float.compare(o.score, score);
            return c != 0 ? c : Integer.compare(left, o.left);
        }
    }
}
