package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.RowQuantizer;
import io.github.deepseek4j.quant.UnsupportedWeightTypeException;

import java.util.EnumMap;
import java.util.Map;

/**
 * The reference row quantizers (llama.cpp's {@code quantize_row_*_ref}, byte for byte), for the legacy
 * types, the K-quants and IQ4_NL / IQ4_XS.
 */
public final class ScalarQuantizers {

    private static final Map<GgmlType, RowQuantizer> QUANTIZERS = new EnumMap<>(GgmlType.class);

    static {
        for (RowQuantizer q : new RowQuantizer[] {new Q8_0(), new Q4_0(), new Q4_1(), new Q5_0(), new Q5_1(),
                new Q2_K(), new Q3_K(), new Q4_K(), new Q5_K(), new Q6_K(), new IQ4_NL(), new IQ4_XS()}) {
            QUANTIZERS.put(q.type(), q);
        }
    }

    private ScalarQuantizers() {
    }

    public static boolean supports(GgmlType type) {
        return QUANTIZERS.containsKey(type);
    }

    /**
     * The quantizer writing {@code type}.
     *
     * @throws UnsupportedWeightTypeException when there is none for the type
     */
    public static RowQuantizer forType(GgmlType type) {
        RowQuantizer q = QUANTIZERS.get(type);
        if (q == null) {
            throw new UnsupportedWeightTypeException(type, "quantizer", QUANTIZERS.keySet());
        }
        return q;
    }
}
