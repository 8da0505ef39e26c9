package io.github.deepseek4j;

import java.util.Arrays;

/**
 * How to generate: immutable; build with {@link #builder()}. {@link #defaults()} is greedy decoding of at
 * most 256 tokens with no stop tokens.
 */
public final class GenerationOptions {

    private static final GenerationOptions DEFAULTS = builder().build();

    private final int maxTokens;
    private final double temperature;
    private final long seed;
    private final int[] stopTokens;
    private final int contextShiftKeep;

    private GenerationOptions(Builder b) {
        this.maxTokens = b.maxTokens;
        this.temperature = b.temperature;
        this.seed = b.seed;
        this.stopTokens = b.stopTokens.clone();
        this.contextShiftKeep = b.contextShiftKeep;
    }

    public static GenerationOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int maxTokens() {
        return maxTokens;
    }

    /** 0 means greedy. */
    public double temperature() {
        return temperature;
    }

    public long seed() {
        return seed;
    }

    public int[] stopTokens() {
        return stopTokens.clone();
    }

    /** Tokens kept at the start when the context is shifted, or -1: stop when the context is full. */
    public int contextShiftKeep() {
        return contextShiftKeep;
    }

    boolean isStopToken(int token) {
        for (int s : stopTokens) {
            if (s == token) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "GenerationOptions[maxTokens=" + maxTokens + ", temperature=" + temperature + ", seed=" + seed
                + ", stopTokens=" + Arrays.toString(stopTokens) + ", contextShiftKeep=" + contextShiftKeep + "]";
    }

    public static final class Builder {
        private int maxTokens = 256;
        private double temperature = 0;
        private long seed = 0;
        private int[] stopTokens = new int[0];
        private int contextShiftKeep = -1;

        private Builder() {
        }

        /** Most tokens to generate (default 256); must be positive. */
        public Builder maxTokens(int maxTokens) {
            if (maxTokens <= 0) {
                throw new IllegalArgumentException("maxTokens must be positive, got " + maxTokens);
            }
            this.maxTokens = maxTokens;
            return this;
        }

        /** Sampling temperature (default 0: always the most likely token); must be finite and >= 0. */
        public Builder temperature(double temperature) {
            if (!(temperature >= 0) || !Double.isFinite(temperature)) {
                throw new IllegalArgumentException("temperature must be finite and >= 0, got " + temperature);
            }
            this.temperature = temperature;
            return this;
        }

        /** Seed of the sampling stream (default 0); the same seed reproduces the same output. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Tokens that end generation, typically the end-of-sequence id (default none). */
        public Builder stopTokens(int... stopTokens) {
            this.stopTokens = stopTokens.clone();
            return this;
        }

        /**
         * Opts in to context shifting (default: off, generation stops with {@link StopReason#CONTEXT_FULL}):
         * when the context is full, keep the first {@code keep} tokens (e.g. the system prompt), drop half of
         * the rest (the oldest) and go on; see {@link Session#discard}.
         */
        public Builder contextShift(int keep) {
            if (keep < 0) {
                throw new IllegalArgumentException("tokens kept by the context shift must be >= 0, got " + keep);
            }
            this.contextShiftKeep = keep;
            return this;
        }

        public GenerationOptions build() {
            return new GenerationOptions(this);
        }
    }
}
