package io.github.deepseek4j.tools;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.scalar.ScalarQuantizers;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowEncoderTest {

    @Test
    void quantizedRowsAreTheReferenceQuantizersBytesAppendedAtThePosition() {
        float[] row = new float[96];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) random.nextGaussian();
        }
        for (GgmlType type : new GgmlType[] {GgmlType.Q8_0, GgmlType.Q4_0, GgmlType.Q4_1, GgmlType.Q5_0, GgmlType.Q5_1}) {
            int size = (int) type.byteSize(row.length);
            ByteBuffer out = ByteBuffer.allocate(3 + size).order(ByteOrder.LITTLE_ENDIAN);
            out.put(new byte[] {7, 7, 7});
            RowEncoder.encode(type, row, out);
            assertThat(out.position()).isEqualTo(3 + size);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment expected = arena.allocate(size);
                ScalarQuantizers.forType(type).quantize(row, 0, expected, 0, row.length);
                assertThat(out.array()).startsWith(7, 7, 7);
                assertThat(java.util.Arrays.copyOfRange(out.array(), 3, 3 + size))
                        .as(type.toString()).isEqualTo(expected.toArray(ValueLayout.JAVA_BYTE));
            }
        }
    }

    @Test
    void rowsThatAreNotWholeBlocksFallBackToF16() {
        assertThat(RowEncoder.fitting(GgmlType.Q4_0, 4096)).isEqualTo(GgmlType.Q4_0);
        assertThat(RowEncoder.fitting(GgmlType.Q4_0, 100)).isEqualTo(GgmlType.F16);
        assertThat(RowEncoder.fitting(GgmlType.BF16, 100)).isEqualTo(GgmlType.BF16);
        assertThatThrownBy(() -> RowEncoder.encode(GgmlType.Q8_0, new float[40], ByteBuffer.allocate(64)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fileTypesAreLlamaCppsIds() {
        assertThat(RowEncoder.fileType(GgmlType.Q4_0)).isEqualTo(2);
        assertThat(RowEncoder.fileType(GgmlType.Q4_1)).isEqualTo(3);
        assertThat(RowEncoder.fileType(GgmlType.Q8_0)).isEqualTo(7);
        assertThat(RowEncoder.fileType(GgmlType.Q5_0)).isEqualTo(8);
        assertThat(RowEncoder.fileType(GgmlType.Q5_1)).isEqualTo(9);
        assertThat(RowEncoder.fileType(GgmlType.BF16)).isEqualTo(32);
    }
}
