package io.github.deepseek4j.quant.blas;

import io.github.deepseek4j.quant.BackendUnavailableException;
import org.junit.jupiter.api.Test;

import java.lang.foreign.SymbolLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finding the library, with the opener injected: no BLAS needs to be installed. */
class CblasTest {

    @Test
    void withoutAnyLibraryTheErrorNamesEveryNameTriedAndTheFix() {
        List<String> tried = new ArrayList<>();
        assertThatThrownBy(() -> Cblas.find(null, nothingOpens(tried)))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("libopenblas.so.0").hasMessageContaining("libblas.so.3")
                .hasMessageContaining("apt-get install libopenblas0-pthread")
                .hasMessageContaining(BlasKernels.LIBRARY_PROPERTY)
                .satisfies(e -> assertThat(((BackendUnavailableException) e).fix()).contains("OpenBLAS"));
        assertThat(tried).isEqualTo(Cblas.LIBRARY_NAMES);
    }

    @Test
    void aPathGivenIsTheOnlyLibraryTriedAndIsNamed() {
        List<String> tried = new ArrayList<>();
        assertThatThrownBy(() -> Cblas.find("/opt/blas/libmine.so", nothingOpens(tried)))
                .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("/opt/blas/libmine.so");
        assertThat(tried).containsExactly("/opt/blas/libmine.so");
    }

    @Test
    void aLibraryWithoutCblasIsPassedOver() {
        SymbolLookup empty = name -> Optional.empty();
        assertThatThrownBy(() -> Cblas.find(null, name -> empty))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("libopenblas.so.0 has no cblas_sgemm");
    }

    /** Fails as {@link SymbolLookup#libraryLookup} does for a missing library, noting each name in {@code tried}. */
    private static Cblas.Opener nothingOpens(List<String> tried) {
        return name -> {
            tried.add(name);
            throw new IllegalArgumentException("Cannot open library: " + name);
        };
    }
}
