package io.github.deepseek4j.quant;

import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dequantizing {@code ../shared/quant/<type>.raw} must give exactly {@code <type>.f32} (ggml's own
 * dequantization, bit for bit), for every type in {@code index.json} and every backend.
 */
class DequantizationConformanceTest {

    static List<Arguments> cases() throws IOException {
        Path index = SharedData.require("quant/index.json");
        List<Arguments> cases = new ArrayList<>();
        for (Object entry : (List<?>) Json.parse(Files.readString(index))) {
            Map<?, ?> tensor = (Map<?, ?>) entry;
            for (KernelBackend backend : List.of(KernelBackends.scalar(), KernelBackends.preferred())) {
                cases.add(Arguments.of(tensor.get("type"), backend, tensor));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void dequantizesBitIdenticallyToGgml(String typeName, KernelBackend backend, Map<?, ?> tensor) throws IOException {
        GgmlType type = GgmlType.byName(typeName);
        assertThat(type.id()).isEqualTo(((Number) tensor.get("ggml_type_id")).intValue());
        List<?> ne = (List<?>) tensor.get("ne");
        int cols = ((Number) ne.get(0)).intValue();
        int rows = ((Number) ne.get(1)).intValue();
        byte[] raw = Files.readAllBytes(SharedData.require("quant/" + tensor.get("raw")));
        assertThat((long) raw.length).isEqualTo(type.byteSize((long) rows * cols));
        float[] expected = readFloats(SharedData.require("quant/" + tensor.get("dequantized")));

        RowKernel kernel = backend.kernel(type);
        MemorySegment data = MemorySegment.ofArray(raw);
        float[] actual = new float[rows * cols];
        long rowBytes = type.byteSize(cols);
        for (int r = 0; r < rows; r++) {
            kernel.dequantize(data, r * rowBytes, actual, r * cols, cols);
        }
        for (int i = 0; i < actual.length; i++) {
            if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(expected[i])) {
                throw new AssertionError(type + " on " + backend.name() + ": element " + i + " (row " + i / cols
                        + ", column " + i % cols + ") is " + actual[i] + ", ggml gives " + expected[i]);
            }
        }
    }

    private static float[] readFloats(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        return MemorySegment.ofArray(bytes)
                .toArray(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN));
    }
}
