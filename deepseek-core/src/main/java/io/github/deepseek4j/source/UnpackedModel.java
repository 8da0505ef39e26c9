package io.github.deepseek4j.source;

import io.github.deepseek4j.ModelFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the model in a directory an archive was unpacked into. Kept apart from {@link ArchiveUnpacker} so that
 * reading the cache never loads Commons Compress, an optional dependency.
 */
final class UnpackedModel {

    private static final Pattern SPLIT_NAME = Pattern.compile("(.*)-(\\d{5})-of-(\\d{5})\\.gguf");

    private UnpackedModel() {
    }

    /**
     * The model file in an unpacked directory: its only GGUF file, or the first part of its only,
     * complete split set.
     */
    static Path in(String source, Path dir) throws IOException {
        List<Path> models;
        try (Stream<Path> files = Files.list(dir)) {
            models = files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gguf"))
                    .sorted().toList();
        }
        if (models.isEmpty()) {
            throw new ModelFormatException(source + ": the archive holds no .gguf model file");
        }
        TreeMap<Integer, Path> parts = new TreeMap<>();
        String prefix = null;
        int count = -1;
        for (Path p : models) {
            Matcher m = SPLIT_NAME.matcher(p.getFileName().toString());
            if (!m.matches() || (prefix != null && (!prefix.equals(m.group(1)) || count != Integer.parseInt(m.group(3))))) {
                if (models.size() == 1) {
                    return p;
                }
                throw new ModelFormatException(source + ": the archive holds more than one model: "
                        + names(models) + "; pack exactly one model (or one split set)");
            }
            prefix = m.group(1);
            count = Integer.parseInt(m.group(3));
            parts.put(Integer.parseInt(m.group(2)), p);
        }
        if (parts.size() != count || parts.firstKey() != 1 || parts.lastKey() != count) {
            throw new ModelFormatException(source + ": incomplete split model: found " + names(models)
                    + " but the names announce " + count + " parts");
        }
        return parts.firstEntry().getValue();
    }

    private static List<String> names(List<Path> paths) {
        List<String> names = new ArrayList<>();
        paths.forEach(p -> names.add(p.getFileName().toString()));
        return names;
    }
}
