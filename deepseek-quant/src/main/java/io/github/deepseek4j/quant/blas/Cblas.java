package io.github.deepseek4j.quant.blas;

import io.github.deepseek4j.quant.BackendUnavailableException;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The system's CBLAS (OpenBLAS, or any library exporting {@code cblas_sgemm}), found by its usual names
 * or by a path the user gives. The way libraries are opened is injected ({@link Opener}), so tests run
 * with or without one installed.
 */
public final class Cblas {

    /** The names tried, in order, when no path is given: OpenBLAS first, then any CBLAS / reference BLAS. */
    public static final List<String> LIBRARY_NAMES =
            List.of("libopenblas.so.0", "libopenblas.so", "libcblas.so.3", "libblas.so.3", "libopenblas.dylib");

    static final String INSTALL_FIX = "install OpenBLAS (Debian/Ubuntu: apt-get install libopenblas0-pthread; "
            + "macOS: brew install openblas) or name the library with -D" + BlasKernels.LIBRARY_PROPERTY + "=PATH";

    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    /** Opens one library by name or path; throws (any runtime exception) when it cannot. */
    @FunctionalInterface
    public interface Opener {
        SymbolLookup open(String nameOrPath);

        /** {@link SymbolLookup#libraryLookup(String, Arena)} for the life of the JVM. */
        static Opener system() {
            return name -> SymbolLookup.libraryLookup(name, Arena.global());
        }
    }

    private final String library;
    private final MethodHandle sgemm;

    private Cblas(String library, MethodHandle sgemm) {
        this.library = library;
        this.sgemm = sgemm;
    }

    /**
     * The first of {@code path} (when not null) or else {@link #LIBRARY_NAMES} that opens and exports
     * {@code cblas_sgemm}. OpenBLAS is set to one thread per call, since the callers split the rows over
     * their own threads.
     *
     * @throws BackendUnavailableException naming what was tried and how to install a library
     */
    public static Cblas find(String path, Opener opener) {
        List<String> candidates = path != null ? List.of(path) : LIBRARY_NAMES;
        List<String> failures = new ArrayList<>();
        for (String candidate : candidates) {
            try {
                SymbolLookup symbols = opener.open(candidate);
                Optional<MemorySegment> sgemm = symbols.find("cblas_sgemm");
                if (sgemm.isEmpty()) {
                    failures.add(candidate + " has no cblas_sgemm");
                    continue;
                }
                singleThreaded(symbols);
                return new Cblas(candidate, bind(sgemm.get()));
            } catch (RuntimeException e) {
                failures.add(candidate + ": " + e.getMessage());
            }
        }
        throw new BackendUnavailableException("no usable BLAS library (" + String.join("; ", failures) + ")",
                INSTALL_FIX);
    }

    /** The name or path the library was opened by. */
    public String library() {
        return library;
    }

    /**
     * {@code c[m x n] = a[m x k] * transpose(b[n x k])}, all row-major: {@code a} and {@code b} with
     * {@code lda} / {@code ldb} floats per row, {@code c} with {@code ldc}. Segments may be heap arrays.
     */
    void multiplyTransposed(int m, int n, int k, MemorySegment a, int lda, MemorySegment b, int ldb,
                            MemorySegment c, int ldc) {
        try {
            sgemm.invokeExact(ROW_MAJOR, NO_TRANS, TRANS, m, n, k, 1f, a, lda, b, ldb, 0f, c, ldc);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cblas_sgemm of " + library + " failed", e);
        }
    }

    // critical: the arrays are passed in place, no copies; each call is kept short (see SgemmKernel),
    // since a critical call holds off the garbage collector.
    private static MethodHandle bind(MemorySegment sgemm) {
        FunctionDescriptor descriptor = FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT);
        return Linker.nativeLinker().downcallHandle(sgemm, descriptor, Linker.Option.critical(true));
    }

    private static void singleThreaded(SymbolLookup symbols) throws RuntimeException {
        symbols.find("openblas_set_num_threads").ifPresent(function -> {
            try {
                Linker.nativeLinker().downcallHandle(function, FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(1);
            } catch (Throwable e) {
                throw new IllegalStateException("openblas_set_num_threads failed", e);
            }
        });
    }

    @Override
    public String toString() {
        return "CBLAS " + library;
    }
}
