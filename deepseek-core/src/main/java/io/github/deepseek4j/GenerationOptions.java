package io.github.deepseek4j;

import io.github.deepseek4j.runtime.sampling.SamplingParameters;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How to generate: settings only, immutable, so one instance may be shared by any number of calls; build
 * with {@link #builder()}. What belongs to one call (cancelling it, its time limit, its progress) is on the
 * {@link Generation} handle that {@code start(...)} returns. {@link #defaults()} is greedy decoding of at
 * most 256 tokens, no penalties, no stop tokens or strings besides the vocabulary's end-of-generation
 * tokens (which only text generation knows).
 */
public final class GenerationOptions {

    private static final GenerationOptions DEFAULTS = builder().build();

    private final int maxTokens;
    private final double temperature;
    private final long seed;
    private final int[] stopTokens;
    private final int contextShiftKeep;
    private final int topK;
    private final double topP;
    private final double minP;
    private final double repeatPenalty;
    private final double frequencyPenalty;
    private final double presencePenalty;
    private final int penaltyWindow;
    private final Map<Integer, Float> logitBias;
    private final List<String> stopStrings;
    private final boolean renderSpecialTokens;

    private GenerationOptions(Builder b) {
        this.maxTokens = b.maxTokens;
        this.temperature = b.temperature;
        this.seed = b.seed;
        this.stopTokens = b.stopTokens.clone();
        this.contextShiftKeep = b.contextShiftKeep;
        this.topK = b.topK;
        this.topP = b.topP;
        this.minP = b.minP;
        this.repeatPenalty = b.repeatPenalty;
        this.frequencyPenalty = b.frequencyPenalty;
        this.presencePenalty = b.presencePenalty;
        this.penaltyWindow = b.penaltyWindow;
        this.logitBias = Map.copyOf(b.logitBias);
        this.stopStrings = List.copyOf(b.stopStrings);
        this.renderSpecialTokens = b.renderSpecialTokens;
    }

    public static GenerationOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these options, to derive others (a shared constant stays as it is). */
    public Builder toBuilder() {
        return new Builder(this);
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

    public int topK() {
        return topK;
    }

    public double topP() {
        return topP;
    }

    public double minP() {
        return minP;
    }

    public double repeatPenalty() {
        return repeatPenalty;
    }

    public double frequencyPenalty() {
        return frequencyPenalty;
    }

    public double presencePenalty() {
        return presencePenalty;
    }

    public int penaltyWindow() {
        return penaltyWindow;
    }

    /** Bias added to the logit of each token id. */
    public Map<Integer, Float> logitBias() {
        return logitBias;
    }

    public List<String> stopStrings() {
        return stopStrings;
    }

    public boolean renderSpecialTokens() {
        return renderSpecialTokens;
    }

    /** The sampler's share of these options (internal: the sampler's type is not API). */
    SamplingParameters sampling() {
        return new SamplingParameters(temperature, topK, topP, minP, repeatPenalty, frequencyPenalty,
                presencePenalty, penaltyWindow, logitBias, seed);
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
                + ", topK=" + topK + ", topP=" + topP + ", minP=" + minP + ", repeatPenalty=" + repeatPenalty
                + ", frequencyPenalty=" + frequencyPenalty + ", presencePenalty=" + presencePenalty
                + ", penaltyWindow=" + penaltyWindow + ", logitBias=" + logitBias
                + ", stopTokens=" + Arrays.toString(stopTokens) + ", stopStrings=" + stopStrings
                + ", contextShiftKeep=" + contextShiftKeep + "]";
    }

    /** Each setter documents its default and rejects bad values with the value in the message. */
    public static final class Builder {
        private int maxTokens = 256;
        private double temperature = 0;
        private long seed = 0;
        private int[] stopTokens = new int[0];
        private int contextShiftKeep = -1;
        private int topK = 0;
        private double topP = 1;
        private double minP = 0;
        private double repeatPenalty = 1;
        private double frequencyPenalty = 0;
        private double presencePenalty = 0;
        private int penaltyWindow = 64;
        private final Map<Integer, Float> logitBias = new HashMap<>();
        private List<String> stopStrings = List.of();
        private boolean renderSpecialTokens;

        private Builder() {
        }

        private Builder(GenerationOptions o) {
            maxTokens = o.maxTokens;
            temperature = o.temperature;
            seed = o.seed;
            stopTokens = o.stopTokens.clone();
            contextShiftKeep = o.contextShiftKeep;
            topK = o.topK;
            topP = o.topP;
            minP = o.minP;
            repeatPenalty = o.repeatPenalty;
            frequencyPenalty = o.frequencyPenalty;
            presencePenalty = o.presencePenalty;
            penaltyWindow = o.penaltyWindow;
            logitBias.putAll(o.logitBias);
            stopStrings = o.stopStrings;
            renderSpecialTokens = o.renderSpecialTokens;
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

        /**
         * Seed of the sampling stream (default 0); the same seed and options reproduce the same output,
         * whatever the number of threads.
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Tokens that end generation, typically the end-of-sequence id (default none). */
        public Builder stopTokens(int... stopTokens) {
            for (int t : stopTokens) {
                if (t < 0) {
                    throw new IllegalArgumentException("stop token ids must be >= 0, got " + t);
                }
            }
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

        /** Sample only among the k most likely tokens (default 0: all); must be >= 0. */
        public Builder topK(int topK) {
            if (topK < 0) {
                throw new IllegalArgumentException("topK must be >= 0, got " + topK);
            }
            this.topK = topK;
            return this;
        }

        /** Nucleus sampling: the most likely tokens whose probability adds up to p (default 1: all); in (0, 1]. */
        public Builder topP(double topP) {
            if (!(topP > 0 && topP <= 1)) {
                throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
            }
            this.topP = topP;
            return this;
        }

        /** Drop tokens less likely than minP times the most likely one (default 0: none); in [0, 1]. */
        public Builder minP(double minP) {
            if (!(minP >= 0 && minP <= 1)) {
                throw new IllegalArgumentException("minP must be in [0, 1], got " + minP);
            }
            this.minP = minP;
            return this;
        }

        /** Penalty on tokens of the recent window, as llama.cpp's repeat penalty (default 1: none); must be > 0. */
        public Builder repeatPenalty(double repeatPenalty) {
            if (!(repeatPenalty > 0) || !Double.isFinite(repeatPenalty)) {
                throw new IllegalArgumentException("repeatPenalty must be finite and > 0, got " + repeatPenalty);
            }
            this.repeatPenalty = repeatPenalty;
            return this;
        }

        /** Subtracted from a logit once per occurrence in the window (default 0); finite. */
        public Builder frequencyPenalty(double frequencyPenalty) {
            this.frequencyPenalty = finite("frequencyPenalty", frequencyPenalty);
            return this;
        }

        /** Subtracted from the logit of every token present in the window (default 0); finite. */
        public Builder presencePenalty(double presencePenalty) {
            this.presencePenalty = finite("presencePenalty", presencePenalty);
            return this;
        }

        /** How many recent tokens, prompt included, the penalties look at (default 64); must be >= 0. */
        public Builder penaltyWindow(int penaltyWindow) {
            if (penaltyWindow < 0) {
                throw new IllegalArgumentException("penaltyWindow must be >= 0, got " + penaltyWindow);
            }
            this.penaltyWindow = penaltyWindow;
            return this;
        }

        /**
         * Adds {@code bias} to the logit of {@code token} (default none); {@code Float.NEGATIVE_INFINITY}
         * bans the token. Ids outside the vocabulary are rejected when generation starts.
         */
        public Builder logitBias(int token, float bias) {
            if (token < 0) {
                throw new IllegalArgumentException("logit bias token id must be >= 0, got " + token);
            }
            if (Float.isNaN(bias) || bias == Float.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("logit bias of token " + token + " must be finite or -Infinity, got "
                        + bias);
            }
            logitBias.put(token, bias);
            return this;
        }

        /**
         * Text generation ends where the text contains one of these strings, matched across token boundaries;
         * the string and what follows it are left out (default none). Strings must not be empty.
         */
        public Builder stopStrings(String... stopStrings) {
            return stopStrings(List.of(stopStrings));
        }

        /** As {@link #stopStrings(String...)}. */
        public Builder stopStrings(List<String> stopStrings) {
            for (String s : stopStrings) {
                if (s == null || s.isEmpty()) {
                    throw new IllegalArgumentException("stop strings must not be empty, got " + stopStrings);
                }
            }
            this.stopStrings = List.copyOf(stopStrings);
            return this;
        }

        /** Whether generated text shows control tokens as their text (default false: they are left out). */
        public Builder renderSpecialTokens(boolean renderSpecialTokens) {
            this.renderSpecialTokens = renderSpecialTokens;
            return this;
        }

        public GenerationOptions build() {
            return new GenerationOptions(this);
        }

        private static double finite(String name, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(name + " must be finite, got " + value);
            }
            return value;
        }
    }
}
