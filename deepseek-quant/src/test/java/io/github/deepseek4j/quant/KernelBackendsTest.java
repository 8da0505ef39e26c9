package io.github.deepseek4j.quant;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KernelBackendsTest {

    /** With the module present (the build always adds it) the fast path must be taken: a failure, not a skip. */
    @Test
    void preferredIsTheVectorBackendWhenTheModuleIsPresent() {
        assumeTrue(KernelBackends.vectorModulePresent(), "run without --add-modules jdk.incubator.vector");
        assertThat(KernelBackends.preferred().name()).contains("vector-");
        assertThat(KernelBackends.preferred()).isSameAs(KernelBackends.preferred());
    }

    @Test
    void preferredHasTheNativeKernelsOnTopWhenTheyRunHere() {
        KernelBackend nativeBackend = NativeBackend.require();
        assertThat(KernelBackends.preferred().name()).isEqualTo(nativeBackend.name());
        assertThat(KernelBackends.preferred().kernel(GgmlType.Q4_K).toString()).isEqualTo("native Q4_K");
    }

    @Test
    void withoutTheNativeLibraryOrWhenDisabledTheBaseBackendIsUsed() {
        KernelBackend base = KernelBackends.scalar();
        Function<KernelBackend, KernelBackend> missing = b -> {
            throw new IllegalStateException("the native kernels cannot run here: not built");
        };
        assertThat(KernelBackends.withNative(base, null, missing)).isSameAs(base);
        assertThat(KernelBackends.withNative(base, "false", b -> {
            throw new AssertionError("disabled, yet loaded");
        })).isSameAs(base);
        KernelBackend layered = KernelBackends.withNative(base, "true", b -> KernelBackends.scalar());
        assertThat(layered.name()).isEqualTo("scalar+scalar");
        assertThat(layered.kernel(GgmlType.Q8_0)).isSameAs(base.kernel(GgmlType.Q8_0));
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

    @Test
    void backendsAreChosenByName() {
        assertThat(KernelBackends.named("scalar")).isSameAs(KernelBackends.scalar());
        assertThat(KernelBackends.named(" Preferred ")).isSameAs(KernelBackends.preferred());
        assertThatThrownBy(() -> KernelBackends.named("cuda"))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("'cuda'").hasMessageContaining("blas, native, vector, scalar");
    }

    @Test
    void theSystemPropertyNamesTheConfiguredBackend() {
        try {
            System.setProperty(KernelBackends.BACKEND_PROPERTY, "scalar");
            assertThat(KernelBackends.configured()).isSameAs(KernelBackends.scalar());
            System.setProperty(KernelBackends.BACKEND_PROPERTY, "nope");
            assertThatThrownBy(KernelBackends::configured).isInstanceOf(BackendUnavailableException.class);
        } finally {
            System.clearProperty(KernelBackends.BACKEND_PROPERTY);
        }
        assertThat(KernelBackends.configured()).isSameAs(KernelBackends.preferred());
    }
}
