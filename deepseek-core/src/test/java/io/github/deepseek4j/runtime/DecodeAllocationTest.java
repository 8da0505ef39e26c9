package io.github.deepseek4j.runtime;

import io.github.deepseek4j.GenerationOptions;
import io.github.deepseek4j.Model;
import io.github.deepseek4j.Session;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Decoding reuses the session's buffers: the heap allocated per token is small and independent of the model's size. */
class DecodeAllocationTest {

    @Test
    void decodeAllocatesLittlePerToken() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Model model = Model.builder(SharedData.require("conformance/models/tiny-deepseek3-f32.gguf"))
                .threads(1).contextLength(200).build(); Session session = model.newSession()) {
            int[] prompt = {1, 2, 3, 4};
            session.generate(prompt, GenerationOptions.builder().maxTokens(40).build()); // warm up, JIT
            session.reset();
            long before = threads.getCurrentThreadAllocatedBytes();
            session.generate(prompt, GenerationOptions.builder().maxTokens(2).build());
            long shortRun = threads.getCurrentThreadAllocatedBytes() - before;
            session.reset();
            before = threads.getCurrentThreadAllocatedBytes();
            session.generate(prompt, GenerationOptions.builder().maxTokens(102).build());
            long longRun = threads.getCurrentThreadAllocatedBytes() - before;
            long perToken = (longRun - shortRun) / 100;
            // the activations alone are 256 floats per layer step; a per-token buffer would cost kilobytes
            assertThat(perToken).as("bytes allocated per decoded token").isLessThan(4096);
        }
    }
}
