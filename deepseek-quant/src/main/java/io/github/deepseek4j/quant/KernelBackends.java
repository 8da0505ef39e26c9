package io.github.deepseek4j.quant;

import io.github.deepseek4j.quant.blas.BlasKernels;
import io.github.deepseek4j.quant.blas.Cblas;
import io.github.deepseek4j.quant.ffi.NativeKernels;
import io.github.deepseek4j.quant.scalar.ScalarKernels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where the kernel backends come from. The choice is made once, on first use: the Vector API
 * kernels when the JVM runs with {@code --add-modules jdk.incubator.vector}, else the scalar ones
 * with a single warning naming that flag; then, on top, the native kernels (every quantized type the
 * quantizer writes, F16 and BF16) when the library was built into the jar and the CPU runs it, in the
 * widest variant the CPU has ({@code avx512} with AVX-512 VNNI, else {@code avx2}), logged once; else
 * one log line saying why not. The system property {@value #NATIVE_PROPERTY} (read once) set to
 * {@code false} leaves the native kernels out, set to a variant ({@code avx2}) picks that one.
 *
 * <p>{@link #named} picks a backend by name ({@value #BACKEND_PROPERTY} names the default one of
 * {@link #configured()}): {@code preferred}, {@code blas} (the system's OpenBLAS for F32/F16/BF16 prefill,
 * over the preferred kernels), {@code native}, {@code vector} or {@code scalar}.
 */
public final class KernelBackends {

    static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_BACKEND = "io.github.deepseek4j.quant.vector.VectorKernels";

    /**
     * System property: {@code false} keeps {@link #preferred()} off the native kernels; a variant name
     * ({@code avx2}, {@code avx512}) picks that one instead of the widest the CPU runs.
     */
    public static final String NATIVE_PROPERTY = "deepseek4j.kernels.native";

    /** System property: the name of the backend {@link #configured()} returns (see {@link #named}). */
    public static final String BACKEND_PROPERTY = "deepseek4j.backend";

    /** The names {@link #named} knows. */
    public static final List<String> NAMES = List.of("preferred", "blas", "native", "vector", "scalar");

    private static final Logger LOG = LoggerFactory.getLogger(KernelBackends.class);

    private KernelBackends() {
    }

    /** The scalar reference kernels. */
    public static KernelBackend scalar() {
        return Scalar.BACKEND;
    }

    /** The fastest backend this JVM can run. */
    public static KernelBackend preferred() {
        return Preferred.BACKEND;
    }

    /**
     * The backend named by the system property {@value #BACKEND_PROPERTY} (read on each call), else
     * {@link #preferred()}.
     *
     * @throws BackendUnavailableException when the property names a backend that is unknown or cannot run here
     */
    public static KernelBackend configured() {
        String name = System.getProperty(BACKEND_PROPERTY);
        return name == null || name.isBlank() ? preferred() : named(name);
    }

    /**
     * The backend called {@code name}: {@code preferred}, {@code blas}, {@code native}, {@code vector} or
     * {@code scalar} (case-insensitive).
     *
     * @throws BackendUnavailableException when the name is unknown or the backend cannot run here, saying how to fix it
     */
    public static KernelBackend named(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        try {
            return switch (key) {
                case "preferred" -> preferred();
                case "blas" -> blas();
                case "native" -> nativeAndVector();
                case "vector" -> vector();
                case "scalar" -> scalar();
                default -> throw new BackendUnavailableException("unknown kernel backend '" + name + "'",
                        "choose one of " + String.join(", ", NAMES));
            };
        } catch (BackendUnavailableException e) {
            throw e;
        } catch (IllegalStateException e) {
            throw new BackendUnavailableException("backend '" + key + "' is unavailable: " + e.getMessage(),
                    "choose another of " + String.join(", ", NAMES), e);
        }
    }

    /**
     * The system's BLAS for F32, F16 and BF16 prefill over the {@link #preferred()} kernels
     * ({@code "blas+native-avx2+vector-512"}); the library is the one {@link BlasKernels#LIBRARY_PROPERTY}
     * names, else the first of {@link Cblas#LIBRARY_NAMES} found.
     *
     * @throws BackendUnavailableException naming the libraries tried and how to install one
     */
    public static KernelBackend blas() {
        if (Blas.BACKEND == null) {
            throw new BackendUnavailableException(Blas.PROBLEM.problem(), Blas.PROBLEM.fix(), Blas.PROBLEM);
        }
        return Blas.BACKEND;
    }

    /** {@link #blas()}, or else {@link #preferred()} with one log line saying why. */
    public static KernelBackend blasOrPreferred() {
        try {
            return blas();
        } catch (BackendUnavailableException e) {
            LOG.info("{}; using the {} kernels", e.getMessage(), preferred().name());
            return preferred();
        }
    }

    /** The BLAS kernels of {@code cblas} over {@code rest}. */
    static KernelBackend blas(Cblas cblas, KernelBackend rest) {
        return new LayeredBackend(new BlasKernels(cblas, rest), rest);
    }

    /**
     * The native kernels (the widest variant this CPU runs) where they apply, the Vector API ones for the
     * other types ({@code "native-avx512+vector-512"}, {@code "native-avx2+vector-256"}).
     *
     * @throws IllegalStateException saying why the native library or the Vector API cannot run here
     */
    public static KernelBackend nativeAndVector() {
        KernelBackend vector = vector();
        return new LayeredBackend(new NativeKernels(vector), vector);
    }

    /**
     * As {@link #nativeAndVector()} with one variant of the native kernels.
     *
     * @param variant one of {@link NativeKernels#VARIANTS}
     * @throws IllegalStateException saying why that variant or the Vector API cannot run here
     */
    public static KernelBackend nativeAndVector(String variant) {
        KernelBackend vector = vector();
        return new LayeredBackend(new NativeKernels(vector, variant), vector);
    }

    /** Whether the Vector API module is in the boot layer (whether or not its kernels could load). */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /**
     * The Vector API kernels.
     *
     * @throws IllegalStateException naming the JVM flag when the module is absent, or why the kernels cannot run
     */
    public static KernelBackend vector() {
        if (!vectorModulePresent()) {
            throw new IllegalStateException("the Vector API kernels need the JVM flag --add-modules " + VECTOR_MODULE);
        }
        try {
            // Reflection keeps this class free of links to the incubator module when it is absent.
            return (KernelBackend) Class.forName(VECTOR_BACKEND)
                    .getConstructor(KernelBackend.class).newInstance(scalar());
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("the Vector API kernels cannot run here: " + cause.getMessage(), cause);
        }
    }

    private static final class Scalar {
        static final KernelBackend BACKEND = new ScalarKernels();
    }

    /** Looked for once: the backend, or why there is none. */
    private static final class Blas {
        static final KernelBackend BACKEND;
        static final BackendUnavailableException PROBLEM;

        static {
            KernelBackend backend = null;
            BackendUnavailableException problem = null;
            try {
                Cblas cblas = Cblas.find(System.getProperty(BlasKernels.LIBRARY_PROPERTY), Cblas.Opener.system());
                backend = blas(cblas, preferred());
                LOG.debug("BLAS kernels from {}", cblas.library());
            } catch (BackendUnavailableException e) {
                problem = e;
            }
            BACKEND = backend;
            PROBLEM = problem;
        }
    }

    private static final class Preferred {
        static final KernelBackend BACKEND = withNative(javaKernels(), System.getProperty(NATIVE_PROPERTY),
                Preferred::nativeKernels);

        private static KernelBackend nativeKernels(KernelBackend base) {
            String setting = System.getProperty(NATIVE_PROPERTY);
            return setting != null && NativeKernels.VARIANTS.contains(setting)
                    ? new NativeKernels(base, setting) : new NativeKernels(base);
        }

        private static KernelBackend javaKernels() {
            if (!vectorModulePresent()) {
                LOG.warn("Java Vector API not enabled; using the scalar kernels, which are several times slower. "
                        + "Run the JVM with --add-modules {} to enable the fast path.", VECTOR_MODULE);
                return scalar();
            }
            try {
                KernelBackend vector = vector();
                LOG.debug("using the {} kernels", vector.name());
                return vector;
            } catch (IllegalStateException e) {
                LOG.warn("{}; using the scalar kernels", e.getMessage());
                return scalar();
            }
        }
    }

    /**
     * {@code base} with the native kernels on top unless {@code setting} is {@code "false"}, named in one
     * log line; when {@code nativeLayer} fails (an {@link IllegalStateException} saying why), {@code base}
     * and one log line.
     */
    static KernelBackend withNative(KernelBackend base, String setting, Function<KernelBackend, KernelBackend> nativeLayer) {
        if ("false".equalsIgnoreCase(setting)) {
            LOG.debug("native kernels disabled by -D{}=false; using the {} kernels", NATIVE_PROPERTY, base.name());
            return base;
        }
        try {
            KernelBackend layered = new LayeredBackend(nativeLayer.apply(base), base);
            LOG.info("using the {} kernels", layered.name());
            return layered;
        } catch (IllegalStateException e) {
            LOG.info("{}; using the {} kernels", e.getMessage(), base.name());
            return base;
        }
    }
}
