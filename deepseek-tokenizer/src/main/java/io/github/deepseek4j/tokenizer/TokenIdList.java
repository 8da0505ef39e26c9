package io.github.deepseek4j.tokenizer;

import java.util.Arrays;

/** A growable list of token ids without boxing; tokenizers append to it while encoding. */
public final class TokenIdList {

    private int[] ids;
    private int size;

    public TokenIdList(int initialCapacity) {
        ids = new int[Math.max(4, initialCapacity)];
    }

    public void add(int id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[size++] = id;
    }

    public void addAll(int[] more) {
        if (size + more.length > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(ids.length * 2, size + more.length));
        }
        System.arraycopy(more, 0, ids, size, more.length);
        size += more.length;
    }

    public int size() {
        return size;
    }

    public int[] toArray() {
        return Arrays.copyOf(ids, size);
    }

    /** The ids from position {@code from} on. */
    public int[] toArray(int from) {
        return Arrays.copyOfRange(ids, from, size);
    }
}
