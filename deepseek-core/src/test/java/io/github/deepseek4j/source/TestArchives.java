package io.github.deepseek4j.source;

import io.github.deepseek4j.gguf.GgufWriter;
import io.github.deepseek4j.quant.GgmlType;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;

/** Models and archives generated for the source tests. */
final class TestArchives {

    private TestArchives() {
    }

    /** A valid GGUF of one F32 tensor of {@code floats} values (4 bytes each, plus a small header). */
    static byte[] model(int floats) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GgufWriter().putString("general.architecture", "llama")
                .addTensor("t", GgmlType.F32, new long[] {floats}, GgufWriter.TensorData.ofFloats(new float[floats]))
                .write(Channels.newChannel(out));
        return out.toByteArray();
    }

    /** Writes a {@code .tar.xz} holding {@code content} as {@code entryName}. */
    static Path tarXz(Path archive, String entryName, byte[] content) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZCompressorOutputStream(Files.newOutputStream(archive)))) {
            TarArchiveEntry entry = new TarArchiveEntry(entryName);
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return archive;
    }
}
