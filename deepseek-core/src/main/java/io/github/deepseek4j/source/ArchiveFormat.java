package io.github.deepseek4j.source;

import io.github.deepseek4j.UnsupportedModelException;

import java.util.Locale;

/** The archive kinds a model may be packed in, recognised by file name. */
enum ArchiveFormat {
    TAR(".tar"),
    TAR_GZ(".tar.gz", ".tgz"),
    TAR_XZ(".tar.xz", ".txz"),
    ZIP(".zip"),
    GZ(".gz");

    static final String SUFFIXES = "(.tar, .tar.gz, .tgz, .tar.xz, .txz, .zip, .gz)";

    private final String[] suffixes;

    ArchiveFormat(String... suffixes) {
        this.suffixes = suffixes;
    }

    /** The format a file name announces, or {@code null} for anything else (e.g. a plain .gguf). */
    static ArchiveFormat of(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (ArchiveFormat f : values()) { // TAR_GZ is tried before GZ, so "x.tar.gz" is a tar
            for (String suffix : f.suffixes) {
                if (lower.endsWith(suffix)) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * Fails, naming the dependency to add, when the optional libraries that read this format are not on the
     * class path: Commons Compress for every archive, and XZ for Java for {@code .tar.xz}.
     */
    static void requireLibraries(ArchiveFormat format, String source) {
        require("org.apache.commons.compress.archivers.ArchiveInputStream", "org.apache.commons:commons-compress", source);
        if (format == TAR_XZ) {
            require("org.tukaani.xz.XZInputStream", "org.tukaani:xz", source);
        }
    }

    private static void require(String className, String artifact, String source) {
        try {
            Class.forName(className, false, ArchiveFormat.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new UnsupportedModelException(source + ": reading model archives needs " + artifact
                    + " on the class path (an optional dependency of deepseek-core); add it, or unpack the archive"
                    + " and load the .gguf file", null, e);
        }
    }

    /** The name of the single file a {@code .gz} holds: its own name without the suffix. */
    static String gunzippedName(String fileName) {
        return fileName.substring(0, fileName.length() - ".gz".length());
    }
}
