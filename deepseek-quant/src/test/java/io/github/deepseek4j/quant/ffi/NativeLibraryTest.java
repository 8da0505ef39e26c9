package io.github.deepseek4j.quant.ffi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NativeLibraryTest {

    @Test
    void aMissingLibraryIsAReasonNotAFailure() {
        NativeLibrary missing = NativeLibrary.load("/native/linux-x86-64/no-such-library.so");
        assertThat(missing.problem()).isNotNull();
        assertThatThrownBy(missing::symbols).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot run here");
    }
}
