package io.github.deepseek4j.source;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.gguf.GgufParser;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Unpacks the GGUF files of an archive into a directory, refusing anything unsafe: entries whose
 * names leave the archive (absolute, {@code ..}), links posing as models, two files with one name,
 * model files that do not start with the GGUF magic (checked on the first four bytes, so a
 * decompression bomb of anything else stops at once), and more bytes than the limit. Other files
 * (READMEs, licenses) are skipped.
 */
final class ArchiveUnpacker {

    private final String source;
    private final String archiveName;
    private final long maxBytes;
    private long unpacked;

    /**
     * @param source      names the archive in error messages (a path or {@code classpath:...})
     * @param archiveName the archive's file name (a {@code .gz} unpacks to this name less ".gz")
     */
    ArchiveUnpacker(String source, String archiveName, long maxBytes) {
        this.source = source;
        this.archiveName = archiveName;
        this.maxBytes = maxBytes;
    }

    void unpack(ArchiveFormat format, InputStream raw, Path target) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        try {
            switch (format) {
                case GZ -> copy(ArchiveFormat.gunzippedName(archiveName), new GzipCompressorInputStream(in), target);
                case TAR -> entries(new TarArchiveInputStream(in), target);
                case TAR_GZ -> entries(new TarArchiveInputStream(new GzipCompressorInputStream(in)), target);
                case TAR_XZ -> entries(new TarArchiveInputStream(new XZCompressorInputStream(in)), target);
                case ZIP -> entries(new ZipArchiveInputStream(in), target);
            }
        } catch (EOFException e) {
            // the decompressors say only "EOFException" (often with no message) for a cut-off download
            throw new ModelFormatException(source + ": the archive is truncated (its " + format
                    + " data ends early); download it again", e);
        }
        UnpackedModel.in(source, target);
    }

    private <E extends ArchiveEntry> void entries(ArchiveInputStream<E> archive, Path target) throws IOException {
        E entry;
        while ((entry = archive.getNextEntry()) != null) {
            String name = entry.getName();
            checkName(name);
            boolean model = name.toLowerCase(Locale.ROOT).endsWith(".gguf");
            if (entry.isDirectory() || !model) {
                continue;
            }
            if (!isRegularFile(entry)) {
                throw new ModelFormatException(source + ": archive entry '" + name
                        + "' is a link or special file, not a model file");
            }
            copy(Path.of(name).getFileName().toString(), archive, target);
        }
    }

    private static boolean isRegularFile(ArchiveEntry entry) {
        return switch (entry) {
            case TarArchiveEntry tar -> tar.isFile() && !tar.isLink() && !tar.isSymbolicLink();
            case ZipArchiveEntry zip -> !zip.isUnixSymlink();
            default -> true;
        };
    }

    private void checkName(String name) throws ModelFormatException {
        if (name.indexOf('\0') >= 0) {
            throw new ModelFormatException(source + ": archive entry '" + name.replace('\0', '?')
                    + "' has a NUL character in its name; refusing to unpack it");
        }
        String normalized = name.replace('\\', '/');
        boolean escapes = normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")
                || Stream.of(normalized.split("/")).anyMatch(".."::equals);
        if (escapes) {
            throw new ModelFormatException(source + ": archive entry '" + name
                    + "' points outside the archive (absolute path or '..'); refusing to unpack it");
        }
    }

    private void copy(String fileName, InputStream in, Path target) throws IOException {
        Path out = target.resolve(fileName);
        if (Files.exists(out)) {
            throw new ModelFormatException(source + ": the archive holds two files named '" + fileName + "'");
        }
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4 || ByteBuffer.wrap(magic).order(ByteOrder.LITTLE_ENDIAN).getInt() != GgufParser.MAGIC) {
            throw new ModelFormatException(source + ": archive entry '" + fileName + "' is not a GGUF file: it starts with "
                    + HexFormat.ofDelimiter(" ").formatHex(magic) + ", not \"GGUF\"; nothing was unpacked");
        }
        byte[] buffer = new byte[1 << 16];
        try (OutputStream os = Files.newOutputStream(out)) {
            unpacked += magic.length;
            os.write(magic);
            int n;
            while ((n = in.read(buffer)) > 0) {
                unpacked += n;
                if (unpacked > maxBytes) {
                    throw new ModelFormatException(source + ": unpacks to more than the limit of " + maxBytes
                            + " bytes (the smaller of ModelCache.withMaxUnpackedBytes and the cache's free disk space"
                            + " less " + (ModelCache.DISK_SPACE_MARGIN_BYTES >> 20) + " MiB); the partial files were removed");
                }
                os.write(buffer, 0, n);
            }
        }
    }
}
