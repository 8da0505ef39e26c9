package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.scalar.Iq4Codebook;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The species every kernel uses: the preferred float width, and byte, short and int species with
 * the same number of lanes, so that a load of {@code LANES} packed values widens to one float vector.
 */
final class Lanes {

    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final int LANES = F.length();
    static final VectorSpecies<Integer> I = F.withLanes(int.class);
    /** Kernels walk 16-byte nibble groups and 16-value sub-blocks in whole vectors, hence 8 or 16 lanes. */
    static final boolean USABLE = LANES == 8 || LANES == 16;
    static final VectorSpecies<Byte> B = USABLE ? ByteVector.SPECIES_64.withShape(VectorShape.forBitSize(LANES * 8)) : null;
    static final VectorSpecies<Short> S = USABLE ? ShortVector.SPECIES_128.withShape(VectorShape.forBitSize(LANES * 16)) : null;
    static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LE);
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(LE);
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(LE);

    private Lanes() {
    }

    /**
     * The sum of the lanes, in lane order. Not {@code reduceLanes(ADD)}: its order is unspecified and
     * differs between the interpreter and JIT-compiled code, so a row's dot product could change in
     * its last bit depending on timing, and sessions or thread counts would not reproduce each other.
     */
    static float sum(FloatVector v) {
        float sum = 0;
        for (int i = 0; i < LANES; i++) {
            sum += v.lane(i);
        }
        return sum;
    }

    /** {@code LANES} unsigned bytes at {@code offset}, widened to ints. */
    static IntVector ubytes(MemorySegment data, long offset) {
        return (IntVector) ByteVector.fromMemorySegment(B, data, offset, LE).convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
    }

    /** {@code LANES} little-endian 16-bit values at {@code offset}, sign-extended to ints. */
    static IntVector shorts(MemorySegment data, long offset) {
        return (IntVector) ShortVector.fromMemorySegment(S, data, offset, LE).convertShape(VectorOperators.S2I, I, 0);
    }

    static FloatVector toFloat(IntVector v) {
        return (FloatVector) v.convert(VectorOperators.I2F, 0);
    }

    /**
     * IEEE half floats (in the low 16 bits of each lane) widened exactly, like {@link Float#float16ToFloat}:
     * the magnitude moved into float position and rescaled by 2^112 (exact, and it normalizes
     * subnormals), infinities and NaNs given the float exponent, the sign put back.
     */
    static FloatVector halfToFloat(IntVector halves) {
        IntVector magnitude = halves.and(0x7FFF);
        FloatVector scaled = magnitude.lanewise(VectorOperators.LSHL, 13).reinterpretAsFloats().mul(0x1p112f);
        // all ones where the magnitude is 0x7C00 or more (exponent 31), computed without masks
        IntVector special = magnitude.add(0x400).lanewise(VectorOperators.LSHR, 15).neg();
        IntVector bits = scaled.reinterpretAsInts()
                .or(special.and(0x7F800000))
                .or(halves.and(0x8000).lanewise(VectorOperators.LSHL, 16));
        return bits.reinterpretAsFloats();
    }

    /** Lane i holds i. */
    static final IntVector IOTA = USABLE ? IntVector.zero(I).addIndex(1) : null;

    /** The IQ4 codebook as ints: levels 0..LANES-1, and LANES..15 (all zero when LANES is 16). */
    private static final IntVector CODEBOOK_LOW = USABLE ? codebookPart(0) : null;
    private static final IntVector CODEBOOK_HIGH = USABLE ? codebookPart(LANES) : null;

    private static IntVector codebookPart(int first) {
        int[] levels = new int[LANES];
        for (int i = 0; i < LANES && first + i < 16; i++) {
            levels[i] = Iq4Codebook.level(first + i);
        }
        return IntVector.fromArray(I, levels, 0);
    }

    /** The IQ4 levels of 4-bit indices (0..15 in each lane), as floats. */
    static FloatVector iq4Levels(IntVector indices) {
        IntVector levels = indices.and(LANES - 1).selectFrom(CODEBOOK_LOW);
        if (LANES < 16) {
            levels = levels.blend(indices.and(LANES - 1).selectFrom(CODEBOOK_HIGH),
                    indices.compare(VectorOperators.GE, LANES));
        }
        return (FloatVector) levels.convert(VectorOperators.I2F, 0);
    }

    /** BF16 values (in the low 16 bits of each lane) as floats: they are the upper half of the float. */
    static FloatVector bf16ToFloat(IntVector halves) {
        return halves.lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats();
    }
}
