package io.github.deepseek4j.arch.block;

import io.github.deepseek4j.IntermediateObserver;

/** Reports a named intermediate to an optional observer; a null check when there is none. */
public final class Observation {

    private Observation() {
    }

    public static void observe(IntermediateObserver observer, int layer, String name, float[] values, int tokens,
                               int width) {
        if (observer != null) {
            observer.observe(layer, name, values, tokens, width);
        }
    }
}
