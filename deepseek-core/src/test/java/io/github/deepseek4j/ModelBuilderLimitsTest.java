package io.github.deepseek4j;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18, item 7: a thread count far above the machine's is refused, naming the limit. */
class ModelBuilderLimitsTest {

    @Test
    void threadsAboveASmallMultipleOfTheProcessorsAreRefused() {
        int limit = Model.Builder.maxThreads();
        assertThat(limit).isEqualTo(Model.Builder.MAX_THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors());
        Model.Builder builder = Model.builder(Path.of("model.gguf"));
        assertThat(builder.threads(limit)).isSameAs(builder);
        assertThat(builder.threads(1)).isSameAs(builder);
        for (int bad : new int[] {10_000, limit + 1, 0, -1}) {
            assertThatThrownBy(() -> builder.threads(bad)).as("%d", bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1.." + limit).hasMessageContaining(String.valueOf(bad));
        }
    }
}
