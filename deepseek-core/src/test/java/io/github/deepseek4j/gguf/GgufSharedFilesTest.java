package io.github.deepseek4j.gguf;

import io.github.deepseek4j.tensor.Tensor;
import io.github.deepseek4j.testing.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every GGUF file in ../shared parses, and each tensor's byte size matches its type and shape. */
class GgufSharedFilesTest {

    static List<Path> sharedGgufFiles() throws IOException {
        Path root = SharedData.require("README.md").getParent().toRealPath();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".gguf")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everySharedFileParses() throws IOException {
        List<Path> files = sharedGgufFiles();
        assertThat(files).hasSizeGreaterThan(40);
        return files.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            try (GgufFile gguf = GgufFile.open(path)) {
                assertThat(gguf.metadata().getString("general.architecture", "vocab-only")).isNotEmpty();
                for (GgufTensorInfo info : gguf.tensorInfos()) {
                    long expected = info.type().byteSize(info.elementCount());
                    assertThat(info.byteSize()).as(info.name()).isEqualTo(expected);
                    Tensor t = gguf.tensor(info.name());
                    assertThat(t.data().byteSize()).as(info.name()).isEqualTo(expected);
                    assertThat(info.offset() % gguf.alignment()).isZero();
                }
            }
        }));
    }
}
