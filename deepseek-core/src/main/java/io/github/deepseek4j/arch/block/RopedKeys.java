package io.github.deepseek4j.arch.block;

import io.github.deepseek4j.runtime.KvCache;

/**
 * Where an architecture's cached keys carry rope: in cache stream {@code stream}, from value {@code index} on,
 * {@code heads} head vectors {@code headStride} values apart, each rotated over its first
 * {@link Rope#dimensions()} values. Rope angles add up, so keys cached at one position are turned into keys of
 * another by rotating them once more by the difference: how a context shift re-positions what it keeps.
 * Immutable.
 */
public record RopedKeys(Rope rope, int stream, int index, int heads, int headStride) {

    /** Rotates the keys of positions {@code [from, to)} of every layer by {@code delta} positions. */
    public void rerotate(KvCache cache, int from, int to, int delta) {
        float[] cos = new float[rope.pairs()];
        float[] sin = new float[rope.pairs()];
        rope.shiftAngles(delta, cos, sin);
        float[] row = new float[heads * headStride];
        for (int l = 0; l < cache.layers(); l++) {
            for (int p = from; p < to; p++) {
                cache.read(l, stream, p, index, row, row.length);
                for (int h = 0; h < heads; h++) {
                    rope.rotate(row, h * headStride, cos, sin, 0);
                }
                cache.overwrite(l, stream, p, index, row, row.length);
            }
        }
    }
}
