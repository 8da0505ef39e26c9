package io.github.deepseek4j.tokenizer.bpe;

/**
 * BPE merges keyed by the pair of symbol ids, in an open-addressing table over one primitive
 * array: a lookup allocates nothing and touches one cache line (key and value sit side by side),
 * which matters in the merge loop.
 */
final class MergeTable {

    private static final long EMPTY = -1L;

    /** Slot i holds the key at 2i and {@code rank << 32 | result} at 2i + 1. */
    private final long[] table;
    private final int mask;

    MergeTable(int expectedEntries) {
        int capacity = Integer.highestOneBit(Math.max(4, expectedEntries) * 2 - 1) << 1;
        table = new long[capacity * 2];
        for (int i = 0; i < table.length; i += 2) {
            table[i] = EMPTY;
        }
        mask = capacity - 1;
    }

    /** Adds a merge unless the pair already has one (the earlier, lower rank wins). */
    void put(int left, int right, int rank, int result) {
        long key = key(left, right);
        int slot = slot(key);
        while (table[2 * slot] != EMPTY) {
            if (table[2 * slot] == key) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        table[2 * slot] = key;
        table[2 * slot + 1] = ((long) rank << 32) | (result & 0xFFFFFFFFL);
    }

    /** The merge of a pair as {@code rank << 32 | result}, or -1 when the pair does not merge. */
    long find(int left, int right) {
        long key = key(left, right);
        int slot = slot(key);
        long k;
        while ((k = table[2 * slot]) != EMPTY) {
            if (k == key) {
                return table[2 * slot + 1];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    static int rank(long merge) {
        return (int) (merge >>> 32);
    }

    static int result(long merge) {
        return (int) merge;
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

}
