package io.github.deepseek4j.quant;

import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The native kernels for tests: absent (no C compiler at build time, another OS or CPU) they are
 * skipped, except under {@code CI=true}, whose build machine has gcc: there their absence fails.
 */
final class NativeBackend {

    private NativeBackend() {
    }

    /** The native+vector backend, or empty when it cannot run here (outside CI). */
    static Optional<KernelBackend> ifAvailable() {
        try {
            return Optional.of(KernelBackends.nativeAndVector());
        } catch (IllegalStateException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true, yet " + e.getMessage(), e);
            }
            return Optional.empty();
        }
    }

    /** The native+vector backend, or a skipped test naming why. */
    static KernelBackend require() {
        Optional<KernelBackend> backend = ifAvailable();
        assumeTrue(backend.isPresent(), "native kernels not built or not runnable here; skipped");
        return backend.get();
    }
}
