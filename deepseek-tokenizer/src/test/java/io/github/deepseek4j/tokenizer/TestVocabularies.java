package io.github.deepseek4j.tokenizer;

import io.github.deepseek4j.tokenizer.bpe.ByteLevelAlphabet;

import java.util.ArrayList;
import java.util.List;

/** Small hand-made vocabularies for unit tests. */
public final class TestVocabularies {

    private TestVocabularies() {
    }

    /**
     * A byte-level BPE vocabulary: ids 0-255 are the bytes, then the given extra tokens (normal
     * unless listed in {@code control} or {@code userDefined}), with the given merges.
     */
    public static Vocabulary byteLevel(String pre, List<String> extra, List<String> control, List<String> userDefined,
                                       List<String> merges, boolean addBos) {
        List<String> tokens = new ArrayList<>();
        List<TokenType> types = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            tokens.add(String.valueOf(ByteLevelAlphabet.charOf(b)));
            types.add(TokenType.NORMAL);
        }
        for (String t : extra) {
            tokens.add(t);
            types.add(control.contains(t) ? TokenType.CONTROL : userDefined.contains(t) ? TokenType.USER_DEFINED
                    : TokenType.NORMAL);
        }
        int bos = control.isEmpty() ? SpecialTokenIds.NONE : tokens.indexOf(control.getFirst());
        int eos = control.size() < 2 ? SpecialTokenIds.NONE : tokens.indexOf(control.get(1));
        return new Vocabulary(TokenizerKind.BYTE_LEVEL_BPE, pre, tokens.toArray(String[]::new),
                types.toArray(TokenType[]::new), merges.toArray(String[]::new), null,
                new SpecialTokenIds(bos, eos, SpecialTokenIds.NONE, SpecialTokenIds.NONE, SpecialTokenIds.NONE,
                        SpecialTokenIds.NONE), addBos, false, false);
    }

    /** The id of a byte's token in {@link #byteLevel} vocabularies. */
    public static int byteId(char c) {
        return c;
    }
}
