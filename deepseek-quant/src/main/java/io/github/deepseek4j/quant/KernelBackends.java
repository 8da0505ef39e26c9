package io.github.deepseek4j.quant;

import io.github.deepseek4j.quant.scalar.ScalarKernels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the kernel backends come from. The choice is made once, on first use: the Vector API
 * kernels when the JVM runs with {@code --add-modules jdk.incubator.vector}, else the scalar ones
 * with a single warning naming that flag.
 */
public final class KernelBackends {

    static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_BACKEND = "io.github.deepseek4j.quant.vector.VectorKernels";

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

    private static final class Preferred {
        private static final Logger LOG = LoggerFactory.getLogger(KernelBackends.class);
        static final KernelBackend BACKEND = choose();

        private static KernelBackend choose() {
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
}
