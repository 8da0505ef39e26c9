package io.github.deepseek4j.arch;

import io.github.deepseek4j.UnsupportedModelException;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The registry of architectures, keyed by {@code general.architecture}, loaded once from the service list. */
public final class Architectures {

    private Architectures() {
    }

    private static final class Holder {
        static final Map<String, Architecture> BY_NAME = load();

        private static Map<String, Architecture> load() {
            Map<String, Architecture> byName = new TreeMap<>();
            for (Architecture a : ServiceLoader.load(Architecture.class, Architectures.class.getClassLoader())) {
                for (String name : a.names()) {
                    byName.putIfAbsent(name, a);
                }
            }
            return Map.copyOf(byName);
        }
    }

    /**
     * The architecture for a {@code general.architecture} value.
     *
     * @throws UnsupportedModelException listing the supported names when there is none
     */
    public static Architecture forName(String name) {
        Architecture a = Holder.BY_NAME.get(name);
        if (a == null) {
            throw new UnsupportedModelException("architecture '" + name + "' is not supported; supported: "
                    + new TreeMap<>(Holder.BY_NAME).keySet());
        }
        return a;
    }

    public static java.util.Set<String> supported() {
        return new java.util.TreeSet<>(Holder.BY_NAME.keySet());
    }
}
