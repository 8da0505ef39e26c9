package io.github.deepseek4j.conformance;

import io.github.deepseek4j.KvCacheType;
import io.github.deepseek4j.Model;
import io.github.deepseek4j.Session;
import io.github.deepseek4j.UnsupportedModelException;
import io.github.deepseek4j.quant.KernelBackend;
import io.github.deepseek4j.runtime.Logits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs conformance cases: prefill {@code tokens[0:n_prompt]} as ONE batch, then decode the rest one token at
 * a time, and compare every row of logits with the exact ones against the {@link Tolerance} table.
 */
public final class ConformanceRunner {

    private final KernelBackend backend;
    private final int threads;
    private final KvCacheType cacheType;

    public ConformanceRunner(KernelBackend backend, int threads) {
        this(backend, threads, KvCacheType.F32);
    }

    public ConformanceRunner(KernelBackend backend, int threads, KvCacheType cacheType) {
        this.backend = backend;
        this.threads = threads;
        this.cacheType = cacheType;
    }

    /** Loads the case's model and runs it; a model that cannot run here gives an UNSUPPORTED result. */
    public CaseResult run(ConformanceCase c) throws IOException {
        try (Model model = Model.builder(c.model()).backend(backend).threads(threads).cacheType(cacheType)
                .contextLength(c.tokens().length).build()) {
            return compare(c, logits(model, c), c.readExactLogits());
        } catch (UnsupportedModelException e) {
            return CaseResult.unsupported(c, e.getMessage());
        }
    }

    /** The engine's logits for every token of the case: one prefill batch, then one token at a time. */
    public static float[][] logits(Model model, ConformanceCase c) {
        int[] tokens = c.tokens();
        float[][] rows = new float[tokens.length][];
        try (Session session = model.newSession()) {
            float[][] prefill = session.forwardAll(c.prompt());
            System.arraycopy(prefill, 0, rows, 0, prefill.length);
            for (int i = c.promptLength(); i < tokens.length; i++) {
                rows[i] = session.forward(tokens[i]);
            }
        }
        return rows;
    }

    /** Compares {@code actual} with {@code exact} row by row. */
    public static CaseResult compare(ConformanceCase c, float[][] actual, float[][] exact) {
        if (actual.length != exact.length) {
            throw new IllegalArgumentException(actual.length + " rows of logits for " + exact.length + " expected");
        }
        Tolerance tol = Tolerance.forCase(c.weightType(), c.moe());
        double[] errors = new double[exact.length];
        int decisive = 0;
        int agree = 0;
        for (int r = 0; r < exact.length; r++) {
            errors[r] = rowError(actual[r], exact[r]);
            int best = argmax(exact[r]);
            if (exact[r][best] - runnerUp(exact[r], best) > Tolerance.TOP1_MARGIN) {
                decisive++;
                if (argmax(actual[r]) == best) {
                    agree++;
                }
            }
        }
        double max = Arrays.stream(errors).max().orElse(0);
        double median = median(errors);
        double top1 = decisive == 0 ? 1.0 : (double) agree / decisive;
        List<String> failures = new ArrayList<>();
        if (!(median <= tol.medianRowError())) {
            failures.add(String.format(java.util.Locale.ROOT, "median row error %.3e > %.0e", median, tol.medianRowError()));
        }
        if (!(max <= tol.maxRowError())) {
            failures.add(String.format(java.util.Locale.ROOT, "max row error %.3e > %.0e", max, tol.maxRowError()));
        }
        if (top1 < tol.top1Agreement()) {
            failures.add(String.format(java.util.Locale.ROOT, "top-1 agreement %.2f%% < %.0f%%", 100 * top1,
                    100 * tol.top1Agreement()));
        }
        return new CaseResult(c.name(), c.weightType(), failures.isEmpty() ? CaseResult.Status.PASS : CaseResult.Status.FAIL,
                median, max, top1, decisive, exact.length, failures, null);
    }

    /** RMS(actual - exact) / RMS(exact); NaN in the engine's output makes it NaN (a failure). */
    static double rowError(float[] actual, float[] exact) {
        double diff = 0;
        double ref = 0;
        for (int i = 0; i < exact.length; i++) {
            double d = (double) actual[i] - exact[i];
            diff += d * d;
            ref += (double) exact[i] * exact[i];
        }
        return Math.sqrt(diff / ref);
    }

    private static int argmax(float[] x) {
        return Logits.argmax(x, x.length);
    }

    private static float runnerUp(float[] x, int best) {
        float second = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (i != best && x[i] > second) {
                second = x[i];
            }
        }
        return second;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
