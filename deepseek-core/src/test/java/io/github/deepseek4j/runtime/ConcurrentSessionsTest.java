package io.github.deepseek4j.runtime;

import io.github.deepseek4j.Model;
import io.github.deepseek4j.Session;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions on one model are independent: run together they give bit-identical logits to running alone. */
class ConcurrentSessionsTest {

    @Test
    void fourConcurrentSessionsMatchSequentialRuns() throws Exception {
        try (Model model = Model.builder(SharedData.require("conformance/models/tiny-qwen2-f32.gguf"))
                .threads(2).contextLength(96).build()) {
            List<int[]> inputs = new ArrayList<>();
            Random random = new Random(42);
            for (int s = 0; s < 4; s++) {
                inputs.add(random.ints(40 + 10 * s, 0, model.vocabularySize()).toArray());
            }
            List<float[][]> sequential = new ArrayList<>();
            for (int[] tokens : inputs) {
                sequential.add(run(model, tokens));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<float[][]>> futures = new ArrayList<>();
                for (int[] tokens : inputs) {
                    futures.add(pool.submit((Callable<float[][]>) () -> run(model, tokens)));
                }
                for (int s = 0; s < inputs.size(); s++) {
                    assertThat(futures.get(s).get()).as("session %d", s).isDeepEqualTo(sequential.get(s));
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    /** Prefill of half the tokens, then one token at a time; every row of logits. */
    private static float[][] run(Model model, int[] tokens) {
        float[][] rows = new float[tokens.length][];
        try (Session session = model.newSession()) {
            int prompt = tokens.length / 2;
            System.arraycopy(session.forwardAll(java.util.Arrays.copyOf(tokens, prompt)), 0, rows, 0, prompt);
            for (int i = prompt; i < tokens.length; i++) {
                rows[i] = session.forward(tokens[i]);
            }
        }
        return rows;
    }
}
