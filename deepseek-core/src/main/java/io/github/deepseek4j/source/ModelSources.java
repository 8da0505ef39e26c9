package io.github.deepseek4j.source;

import io.github.deepseek4j.ModelFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns where a model lives into a GGUF file that can be mapped: a plain {@code .gguf} is used in
 * place; an archive ({@code .tar}, {@code .tar.gz}/{@code .tgz}, {@code .tar.xz}, {@code .zip},
 * {@code .gz}) or a classpath resource is unpacked once into a {@link ModelCache}.
 */
public final class ModelSources {

    private ModelSources() {
    }

    /** Resolves {@code path} using the default cache. */
    public static Path resolve(Path path) throws IOException {
        return resolve(path, ModelCache.defaultCache());
    }

    /**
     * The GGUF file to open for {@code path} (the first part, for a split model).
     *
     * @throws ModelFormatException when an archive holds no model, several models, or unsafe entries
     */
    public static Path resolve(Path path, ModelCache cache) throws IOException {
        Objects.requireNonNull(path, "path");
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "model file not found");
        }
        if (Files.isDirectory(path)) {
            throw new FileSystemException(path.toString(), null, "is a directory; expected a .gguf file or an archive "
                    + ArchiveFormat.SUFFIXES);
        }
        ArchiveFormat format = ArchiveFormat.of(path.getFileName().toString());
        if (format == null) {
            return path;
        }
        String key = ModelCache.hash(path);
        Path dir = cache.entry(key, target -> {
            ArchiveFormat.requireLibraries(format, path.toString());
            try (InputStream in = Files.newInputStream(path)) {
                new ArchiveUnpacker(path.toString(), path.getFileName().toString(), cache.unpackLimit()).unpack(format, in, target);
            }
        });
        return UnpackedModel.in(path.toString(), dir);
    }

    /** Resolves a classpath resource with the default cache. */
    public static Path fromClasspath(String resource) throws IOException {
        return fromClasspath(resource, ModelCache.defaultCache());
    }

    /** Resolves a classpath resource with the thread's context class loader (else this library's). */
    public static Path fromClasspath(String resource, ModelCache cache) throws IOException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return fromClasspath(resource, context != null ? context : ModelSources.class.getClassLoader(), cache);
    }

    /**
     * Copies a model packed as a classpath resource (a {@code .gguf} or an archive, e.g. inside a jar)
     * into the cache once, and returns the GGUF file to open.
     */
    public static Path fromClasspath(String resource, ClassLoader loader, ModelCache cache) throws IOException {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new NoSuchFileException("classpath:" + name, null, "no such resource on the classpath");
        }
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        ArchiveFormat format = ArchiveFormat.of(fileName);
        if (format == null && !fileName.toLowerCase(Locale.ROOT).endsWith(".gguf")) {
            in.close();
            throw new ModelFormatException("classpath:" + name + ": expected a .gguf file or an archive "
                    + ArchiveFormat.SUFFIXES);
        }
        Files.createDirectories(cache.root());
        Path copy = Files.createTempFile(cache.root(), ".resource-", ".tmp");
        try {
            String key;
            try (in) {
                key = ModelCache.copyHashing(in, copy);
            }
            Path dir = cache.entry(key, target -> {
                if (format == null) {
                    Files.move(copy, target.resolve(fileName));
                } else {
                    ArchiveFormat.requireLibraries(format, "classpath:" + name);
                    try (InputStream archive = Files.newInputStream(copy)) {
                        new ArchiveUnpacker("classpath:" + name, fileName, cache.unpackLimit()).unpack(format, archive, target);
                    }
                }
            });
            return UnpackedModel.in("classpath:" + name, dir);
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
