package io.github.deepseek4j.tools.quantize;

import io.github.deepseek4j.quant.GgmlType;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The whole-file quantization types users ask llama.cpp's quantizer for ({@code LLAMA_FTYPE_MOSTLY_*}):
 * the weight type most matrices get, and the {@code general.file_type} id written to the file.
 */
public enum QuantizationMix {
    Q4_0(GgmlType.Q4_0, 2),
    Q4_1(GgmlType.Q4_1, 3),
    Q8_0(GgmlType.Q8_0, 7),
    Q5_0(GgmlType.Q5_0, 8),
    Q5_1(GgmlType.Q5_1, 9),
    Q2_K(GgmlType.Q2_K, 10),
    Q3_K_M(GgmlType.Q3_K, 12),
    Q4_K_M(GgmlType.Q4_K, 15),
    Q5_K_M(GgmlType.Q5_K, 17),
    Q6_K(GgmlType.Q6_K, 18),
    IQ4_NL(GgmlType.IQ4_NL, 25),
    IQ4_XS(GgmlType.IQ4_XS, 30);

    private final GgmlType defaultType;
    private final int fileType;

    QuantizationMix(GgmlType defaultType, int fileType) {
        this.defaultType = defaultType;
        this.fileType = fileType;
    }

    /** The type of the matrices no rule singles out. */
    public GgmlType defaultType() {
        return defaultType;
    }

    /** llama.cpp's {@code general.file_type} id. */
    public int fileType() {
        return fileType;
    }

    /**
     * The mix named {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the supported mixes when there is none
     */
    public static QuantizationMix byName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown or unsupported quantization type '" + name + "'; supported: "
                    + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")), e);
        }
    }
}
