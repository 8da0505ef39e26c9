package io.github.deepseek4j.quant;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KernelBackendsTest {

    /** With the module present (the build always adds it) the fast path must be taken: a failure, not a skip. */
    @Test
    void preferredIsTheVectorBackendWhenTheModuleIsPresent() {
        assumeTrue(KernelBackends.vectorModulePresent(), "run without --add-modules jdk.incubator.vector");
        assertThat(KernelBackends.preferred().name()).startsWith("vector-");
        assertThat(KernelBackends.preferred()).isSameAs(KernelBackends.preferred());
    }

    @Test
    void everyIssueTypeIsSupportedByBothBackends() {
        for (String name : new String[] {"F32", "F16", "BF16", "Q8_0", "Q4_0", "Q4_1", "Q5_0", "Q5_1",
                "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K", "IQ4_NL", "IQ4_XS"}) {
            GgmlType type = GgmlType.byName(name);
            assertThat(KernelBackends.scalar().supports(type)).as(name).isTrue();
            assertThat(KernelBackends.preferred().kernel(type).type()).isEqualTo(type);
        }
    }

    @Test
    void unsupportedTypeIsATypedErrorListingWhatIsSupported() {
        for (KernelBackend backend : new KernelBackend[] {KernelBackends.scalar(), KernelBackends.preferred()}) {
            assertThat(backend.supports(GgmlType.IQ2_XXS)).isFalse();
            assertThatThrownBy(() -> backend.kernel(GgmlType.IQ2_XXS))
                    .isInstanceOf(UnsupportedWeightTypeException.class)
                    .hasMessageContaining("IQ2_XXS").hasMessageContaining("Q4_K");
        }
    }

    @Test
    void partialBlocksAreRejected() {
        MemorySegment row = MemorySegment.ofArray(new byte[64]);
        for (KernelBackend backend : new KernelBackend[] {KernelBackends.scalar(), KernelBackends.preferred()}) {
            RowKernel q8 = backend.kernel(GgmlType.Q8_0);
            assertThatThrownBy(() -> q8.dot(row, 0, new float[64], 0, 31))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Q8_0");
            assertThatThrownBy(() -> q8.dequantize(row, 0, new float[64], 0, 33))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Q8_0");
        }
    }
}
