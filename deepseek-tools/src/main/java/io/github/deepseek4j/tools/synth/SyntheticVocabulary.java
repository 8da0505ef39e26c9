package io.github.deepseek4j.tools.synth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A byte-level BPE vocabulary of a requested size: the 256 byte tokens in GPT-2's byte-to-unicode
 * spelling, then tokens made by merging two earlier ones (each with its merge rule), then the special
 * tokens. Random, but valid: every merge joins two existing tokens into a new one.
 */
public record SyntheticVocabulary(List<String> tokens, List<String> merges, int[] tokenTypes, int bosId, int eosId) {

    static final int TYPE_NORMAL = 1;
    static final int TYPE_CONTROL = 3;
    private static final int MAX_TOKEN_CHARS = 16;

    public static SyntheticVocabulary generate(int size, String bos, String eos, long seed) {
        if (size < 258 + 2) {
            throw new IllegalArgumentException("vocabulary size must be at least 260, got " + size);
        }
        List<String> tokens = new ArrayList<>(size);
        Set<String> seen = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            String t = String.valueOf((char) byteToUnicode(b));
            tokens.add(t);
            seen.add(t);
        }
        List<String> merges = new ArrayList<>(size);
        SplittableRandom random = new SplittableRandom(seed);
        int normal = size - 2;
        while (tokens.size() < normal) {
            // Favour earlier (shorter, more frequent) tokens, as real merge lists do.
            String a = tokens.get(skewed(random, tokens.size()));
            String b = tokens.get(skewed(random, tokens.size()));
            String joined = a + b;
            if (joined.length() <= MAX_TOKEN_CHARS && seen.add(joined)) {
                tokens.add(joined);
                merges.add(a + " " + b);
            }
        }
        tokens.add(bos);
        tokens.add(eos);
        int[] types = new int[size];
        java.util.Arrays.fill(types, TYPE_NORMAL);
        types[size - 2] = TYPE_CONTROL;
        types[size - 1] = TYPE_CONTROL;
        return new SyntheticVocabulary(List.copyOf(tokens), List.copyOf(merges), types, size - 2, size - 1);
    }

    private static int skewed(SplittableRandom random, int n) {
        double u = random.nextDouble();
        return (int) (u * u * n);
    }

    /**
     * GPT-2's byte-to-unicode map: printable Latin-1 bytes stand for themselves, the others are
     * shifted to code points from 256 up, so every byte is a visible character.
     */
    static int byteToUnicode(int b) {
        if ((b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF)) {
            return b;
        }
        int shifted = 0;
        for (int i = 0; i < b; i++) {
            if (!((i >= '!' && i <= '~') || (i >= 0xA1 && i <= 0xAC) || (i >= 0xAE && i <= 0xFF))) {
                shifted++;
            }
        }
        return 256 + shifted;
    }
}
