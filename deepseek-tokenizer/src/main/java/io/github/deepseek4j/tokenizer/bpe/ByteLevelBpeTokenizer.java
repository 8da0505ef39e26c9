package io.github.deepseek4j.tokenizer.bpe;

import io.github.deepseek4j.tokenizer.TokenIdList;
import io.github.deepseek4j.tokenizer.TokenType;
import io.github.deepseek4j.tokenizer.TokenizerException;
import io.github.deepseek4j.tokenizer.TokenizerKind;
import io.github.deepseek4j.tokenizer.Vocabulary;
import io.github.deepseek4j.tokenizer.VocabularyTokenizer;
import io.github.deepseek4j.tokenizer.pretokenize.RegexPreTokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte-level BPE (GPT-2, DeepSeek, LLaMA 3, Qwen...): text is split by the pre-tokenizer, each
 * piece's UTF-8 bytes become one symbol each, and adjacent symbols are merged lowest rank first
 * (leftmost on ties) until no pair has a merge.
 *
 * <p>Symbols are ids: vocabulary ids, plus ids past the vocabulary for strings that merges name
 * but the vocabulary lacks; such a symbol left at the end is written as its single-byte tokens.
 */
public final class ByteLevelBpeTokenizer extends VocabularyTokenizer {

    /** Pieces up to this many chars are cached; longer ones are rare and would crowd the cache. */
    private static final int CACHED_PIECE_CHARS = 32;
    private static final int CACHE_LIMIT = 1 << 16;

    private final RegexPreTokenizer preTokenizer;
    /** Ids of recently seen pieces: text repeats its words, so most pieces skip merging. */
    private final ConcurrentHashMap<String, int[]> pieceCache = new ConcurrentHashMap<>();
    private final boolean ignoreMerges;
    private final Map<String, Integer> normalTokenIds;
    private final int vocabularySize;
    /** The symbol of each byte value. */
    private final int[] byteSymbols = new int[256];
    private final MergeTable merges;
    /** Alphabet texts of the symbols past the vocabulary, by (id - vocabulary size). */
    private final List<String> extraSymbols = new ArrayList<>();

    /**
     * @param preTokenizer the split patterns
     * @param ignoreMerges look a whole piece up in the vocabulary before merging (llama 3)
     */
    public ByteLevelBpeTokenizer(Vocabulary vocabulary, RegexPreTokenizer preTokenizer, boolean ignoreMerges) {
        super(requireKind(vocabulary, TokenizerKind.BYTE_LEVEL_BPE), pieces(vocabulary, id -> piece(vocabulary, id)), false);
        this.preTokenizer = preTokenizer;
        this.ignoreMerges = ignoreMerges;
        this.vocabularySize = vocabulary.size();
        this.normalTokenIds = new HashMap<>(vocabulary.size() * 2);
        for (int id = 0; id < vocabulary.size(); id++) {
            if (!vocabulary.type(id).isSpecialMarkup()) {
                normalTokenIds.putIfAbsent(vocabulary.token(id), id);
            }
        }
        Map<String, Integer> extraIds = new HashMap<>();
        for (int b = 0; b < 256; b++) {
            byteSymbols[b] = symbol(String.valueOf(ByteLevelAlphabet.charOf(b)), extraIds);
        }
        List<String> mergeList = vocabulary.merges();
        this.merges = new MergeTable(mergeList.size());
        for (int rank = 0; rank < mergeList.size(); rank++) {
            String merge = mergeList.get(rank);
            int space = merge.indexOf(' ', 1);
            if (space < 0 || space == merge.length() - 1) {
                throw new TokenizerException("BPE merge " + rank + " '" + merge + "' is not two symbols separated by a space");
            }
            String left = merge.substring(0, space);
            String right = merge.substring(space + 1);
            merges.put(symbol(left, extraIds), symbol(right, extraIds), rank, symbol(left + right, extraIds));
        }
    }

    /** Added tokens are stored as plain text, the others in the byte alphabet. */
    private static byte[] piece(Vocabulary vocabulary, int id) {
        TokenType type = vocabulary.type(id);
        String text = vocabulary.token(id);
        boolean plain = type == TokenType.USER_DEFINED || type.isSpecialMarkup();
        return plain ? utf8(text) : ByteLevelAlphabet.decode(text);
    }

    private int symbol(String text, Map<String, Integer> extraIds) {
        Integer id = normalTokenIds.get(text);
        if (id != null) {
            return id;
        }
        return extraIds.computeIfAbsent(text, t -> {
            extraSymbols.add(t);
            return vocabularySize + extraSymbols.size() - 1;
        });
    }

    public RegexPreTokenizer preTokenizer() {
        return preTokenizer;
    }

    @Override
    protected void encodeText(String text, int start, int end, boolean atStart, TokenIdList out) {
        Scratch scratch = new Scratch(end - start);
        preTokenizer.split(text, start, end, (s, e) -> encodePiece(text, s, e, scratch, out));
    }

    private void encodePiece(String text, int start, int end, Scratch scratch, TokenIdList out) {
        if (end - start > CACHED_PIECE_CHARS) {
            mergePiece(text, start, end, scratch, out);
            return;
        }
        String piece = text.substring(start, end);
        int[] cached = pieceCache.get(piece);
        if (cached != null) {
            out.addAll(cached);
            return;
        }
        int before = out.size();
        mergePiece(text, start, end, scratch, out);
        if (pieceCache.size() < CACHE_LIMIT) {
            pieceCache.put(piece, out.toArray(before));
        }
    }

    private void mergePiece(String text, int start, int end, Scratch scratch, TokenIdList out) {
        int n = scratch.utf8(text, start, end);
        if (ignoreMerges) {
            Integer whole = normalTokenIds.get(ByteLevelAlphabet.encode(scratch.bytes, n));
            if (whole != null) {
                out.add(whole);
                return;
            }
        }
        int[] ids = scratch.ids;
        int[] next = scratch.next;
        int[] prev = scratch.prev;
        for (int i = 0; i < n; i++) {
            ids[i] = byteSymbols[scratch.bytes[i] & 0xFF];
            next[i] = i + 1 < n ? i + 1 : -1;
            prev[i] = i - 1;
        }
        PairQueue queue = scratch.queue;
        queue.clear();
        for (int i = 0; i + 1 < n; i++) {
            offer(queue, ids, i, i + 1);
        }
        while (!queue.isEmpty()) {
            long entry = queue.poll();
            int left = (int) entry;
            int rank = (int) (entry >>> 32);
            int right = next[left];
            if (ids[left] < 0 || right < 0) {
                continue;
            }
            long merge = merges.find(ids[left], ids[right]);
            if (merge < 0 || MergeTable.rank(merge) != rank) {
                continue; // stale: one side merged with something else since
            }
            ids[left] = MergeTable.result(merge);
            ids[right] = -1;
            next[left] = next[right];
            if (next[left] >= 0) {
                prev[next[left]] = left;
                offer(queue, ids, left, next[left]);
            }
            if (prev[left] >= 0) {
                offer(queue, ids, prev[left], left);
            }
        }
        for (int i = 0; i >= 0; i = next[i]) {
            emit(ids[i], out);
        }
    }

    private void offer(PairQueue queue, int[] ids, int left, int right) {
        long merge = merges.find(ids[left], ids[right]);
        if (merge >= 0) {
            queue.add(((long) MergeTable.rank(merge) << 32) | left);
        }
    }

    private void emit(int symbol, TokenIdList out) {
        if (symbol < vocabularySize) {
            out.add(symbol);
            return;
        }
        // a merge product the vocabulary lacks: its bytes one by one, where the vocabulary has them
        for (char c : extraSymbols.get(symbol - vocabularySize).toCharArray()) {
            int b = ByteLevelAlphabet.byteOf(c);
            if (b >= 0 && byteSymbols[b] < vocabularySize) {
                out.add(byteSymbols[b]);
            }
        }
    }

    /** Per-call working arrays, grown to the longest piece. */
    private static final class Scratch {
        byte[] bytes;
        int[] ids;
        int[] next;
        int[] prev;
        final PairQueue queue = new PairQueue();

        Scratch(int chars) {
            allocate(Math.max(16, Math.min(chars * 3, 1024)));
        }

        private void allocate(int capacity) {
            bytes = new byte[capacity];
            ids = new int[capacity];
            next = new int[capacity];
            prev = new int[capacity];
        }

        /** Writes the UTF-8 of {@code text[start, end)} to {@link #bytes}; returns its length. */
        int utf8(String text, int start, int end) {
            if ((end - start) * 3 > bytes.length) {
                allocate((end - start) * 3);
            }
            int n = 0;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    bytes[n++] = (byte) c;
                } else if (c < 0x800) {
                    bytes[n++] = (byte) (0xC0 | (c >> 6));
                    bytes[n++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(++i));
                    bytes[n++] = (byte) (0xF0 | (cp >> 18));
                    bytes[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    bytes[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    bytes[n++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    int cp = Character.isSurrogate(c) ? 0xFFFD : c; // a lone surrogate is not text
                    bytes[n++] = (byte) (0xE0 | (cp >> 12));
                    bytes[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    bytes[n++] = (byte) (0x80 | (cp & 0x3F));
                }
            }
            return n;
        }
    }
}
