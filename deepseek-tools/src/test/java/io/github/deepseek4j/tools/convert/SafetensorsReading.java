package io.github.deepseek4j.tools.convert;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a safetensors file from outside the package, for the fuzz harness. */
public final class SafetensorsReading {

    private SafetensorsReading() {
    }

    /** Opens and closes {@code path}: reads and checks its header. */
    public static void read(Path path) throws IOException {
        SafetensorsFile.open(path).close();
    }
}
