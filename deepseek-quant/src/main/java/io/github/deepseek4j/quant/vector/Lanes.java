package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.scalar.Iq4Codebook;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The species every kernel uses: the preferred float width, and byte, short and int species with
 * the same number of lanes, so that a load of {@code LANES} packed values widens to one float vector.
 *
 * <p>The kernels follow one rule: <b>no method of ours takes or returns a vector</b> (a test checks it). Each kernel's
 * vector work is written out in its {@code dotBlocks}, which calls only the Vector API (whose methods
 * C2 always inlines). A vector that crosses a method C2 chose not to inline is boxed: a heap object
 * and an array per call, and the operations around it fall back to Java code. C2 makes that choice
 * by heuristics that depend on the vector width, the call profile and the method's size (cold tail
 * calls, NodeCountInliningCutoff), so a helper that is inlined on one machine is not on another.
 * The lanes are summed in lane order, not with {@code reduceLanes(ADD)}: its order is unspecified and
 * differs between the interpreter and JIT-compiled code, so a row's dot product could change in its
 * last bit depending on timing, and sessions or thread counts would not reproduce each other.
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

    /** Lane i holds i. */
    static final IntVector IOTA = USABLE ? IntVector.zero(I).addIndex(1) : null;

    /** The IQ4 codebook as ints: levels 0..LANES-1, and LANES..15 (all zero when LANES is 16). */
    static final IntVector CODEBOOK_LOW = USABLE ? IntVector.fromArray(I, codebookPart(0), 0) : null;
    static final IntVector CODEBOOK_HIGH = USABLE ? IntVector.fromArray(I, codebookPart(LANES), 0) : null;

    private static int[] codebookPart(int first) {
        int[] levels = new int[LANES];
        for (int i = 0; i < LANES && first + i < 16; i++) {
            levels[i] = Iq4Codebook.level(first + i);
        }
        return levels;
    }
}
