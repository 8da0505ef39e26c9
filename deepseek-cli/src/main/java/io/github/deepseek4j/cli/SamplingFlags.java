package io.github.deepseek4j.cli;

import io.github.deepseek4j.GenerationOptions;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Sampling and stopping flags, with llama.cpp's defaults; shared by {@code generate} and {@code chat}. */
final class SamplingFlags {

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature; 0 is greedy (default 0.8).")
    double temperature = 0.8;

    @Option(names = "--top-k", paramLabel = "K", description = "Sample among the K most likely tokens; 0 for all (default 40).")
    int topK = 40;

    @Option(names = "--top-p", paramLabel = "P", description = "Nucleus sampling threshold in (0, 1] (default 0.95).")
    double topP = 0.95;

    @Option(names = "--min-p", paramLabel = "P", description = "Drop tokens below P times the best one's probability (default 0.05).")
    double minP = 0.05;

    @Option(names = "--repeat-penalty", paramLabel = "X", description = "Penalty on recently seen tokens; 1 is off (default 1).")
    double repeatPenalty = 1;

    @Option(names = "--frequency-penalty", paramLabel = "X", description = "Per-occurrence penalty (default 0).")
    double frequencyPenalty;

    @Option(names = "--presence-penalty", paramLabel = "X", description = "Penalty on any recent token (default 0).")
    double presencePenalty;

    @Option(names = "--repeat-last-n", paramLabel = "N", description = "Recent tokens the penalties look at (default 64).")
    int penaltyWindow = 64;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: a new one each run).")
    Long seed;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Most tokens to generate (default 256).")
    int maxTokens = 256;

    @Option(names = "--stop", paramLabel = "TEXT", description = "Stop where the text contains TEXT (repeatable).")
    List<String> stops = new ArrayList<>();

    /** The options these flags describe; bad values throw IllegalArgumentException naming them (exit 2). */
    GenerationOptions.Builder options() {
        return GenerationOptions.builder().temperature(temperature).topK(topK).topP(topP).minP(minP)
                .repeatPenalty(repeatPenalty).frequencyPenalty(frequencyPenalty).presencePenalty(presencePenalty)
                .penaltyWindow(penaltyWindow).seed(seed != null ? seed : ThreadLocalRandom.current().nextLong())
                .maxTokens(maxTokens).stopStrings(stops);
    }
}
