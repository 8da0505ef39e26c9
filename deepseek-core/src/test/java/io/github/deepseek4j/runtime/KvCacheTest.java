package io.github.deepseek4j.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KvCacheTest {

    @Test
    void sizesAndRowsFollowTheStreams() {
        try (KvCache cache = new KvCache(2, 5, 3, 4)) {
            assertThat(cache.bytesPerToken()).isEqualTo(2 * 4 * (3 + 4));
            assertThat(cache.totalBytes()).isEqualTo(5 * cache.bytesPerToken());
            cache.write(1, 1, 3, new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2);
            assertThat(cache.segment(1, 1).get(KvCache.VALUE, cache.offset(1, 4, 3))).isEqualTo(8);
            assertThatThrownBy(() -> cache.write(0, 0, 4, new float[6], 2)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void rejectsBadSizes() {
        assertThatThrownBy(() -> new KvCache(0, 5, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KvCache(2, 5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KvCache(1 << 20, Integer.MAX_VALUE, 1 << 20)).isInstanceOf(ArithmeticException.class);
    }
}
