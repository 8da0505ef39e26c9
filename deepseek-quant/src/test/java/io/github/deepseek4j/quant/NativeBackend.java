package io.github.deepseek4j.quant;

import io.github.deepseek4j.testing.RequiredUnderCi;

import java.util.Optional;

/**
 * The native kernels for tests: absent (no C compiler at build time, another OS or CPU) they are
 * skipped, except under {@code CI=true}, whose build machine has gcc: there their absence fails.
 */
final class NativeBackend {

    private NativeBackend() {
    }

    /** The native+vector backend, or empty when it cannot run here (outside CI). */
    static Optional<KernelBackend> ifAvailable() {
        return RequiredUnderCi.ifAvailable(KernelBackends::nativeAndVector);
    }

    /** The native+vector backend, or a skipped test naming why. */
    static KernelBackend require() {
        return RequiredUnderCi.require("the native kernels", KernelBackends::nativeAndVector);
    }
}
