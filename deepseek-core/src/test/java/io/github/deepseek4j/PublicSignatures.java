package io.github.deepseek4j;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What deepseek-core's public types show to users: the types their visible signatures name. */
final class PublicSignatures {

    private PublicSignatures() {
    }

    /** The packages that hold deepseek-core's classes (read from the build's class folder). */
    static Set<String> packages() throws Exception {
        Set<String> packages = new TreeSet<>();
        for (String name : classNames()) {
            packages.add(name.substring(0, name.lastIndexOf('.')));
        }
        return packages;
    }

    /** The types of {@code pkg} a user can see: public, and nested only in such types. */
    static List<Class<?>> visibleTypes(String pkg) throws Exception {
        List<Class<?>> types = new ArrayList<>();
        for (String name : classNames()) {
            if (name.substring(0, name.lastIndexOf('.')).equals(pkg)) {
                Class<?> type = Class.forName(name, false, PublicSignatures.class.getClassLoader());
                if (isVisible(type)) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    /** The types that {@code type}'s supertypes and public or protected members name (generics included). */
    static Set<Class<?>> referencedBy(Class<?> type) {
        Set<Class<?>> referenced = new LinkedHashSet<>();
        collect(type.getGenericSuperclass(), referenced);
        for (Type t : type.getGenericInterfaces()) {
            collect(t, referenced);
        }
        for (Method m : type.getDeclaredMethods()) {
            if (isVisible(m) && !m.isSynthetic()) {
                collect(m.getGenericReturnType(), referenced);
                collectSignature(m, referenced);
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (isVisible(c) && !c.isSynthetic()) {
                collectSignature(c, referenced);
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (isVisible(f) && !f.isSynthetic()) {
                collect(f.getGenericType(), referenced);
            }
        }
        return referenced;
    }

    private static void collectSignature(Executable e, Set<Class<?>> referenced) {
        for (Type p : e.getGenericParameterTypes()) {
            collect(p, referenced);
        }
        for (Type x : e.getGenericExceptionTypes()) {
            collect(x, referenced);
        }
    }

    private static void collect(Type type, Set<Class<?>> referenced) {
        switch (type) {
            case null -> { }
            case Class<?> c when c.isArray() -> collect(c.getComponentType(), referenced);
            case Class<?> c when !c.isPrimitive() -> referenced.add(c);
            case ParameterizedType p -> {
                collect(p.getRawType(), referenced);
                for (Type argument : p.getActualTypeArguments()) {
                    collect(argument, referenced);
                }
            }
            case WildcardType w -> {
                for (Type bound : w.getUpperBounds()) {
                    collect(bound, referenced);
                }
                for (Type bound : w.getLowerBounds()) {
                    collect(bound, referenced);
                }
            }
            case GenericArrayType g -> collect(g.getGenericComponentType(), referenced);
            case TypeVariable<?> v -> { } // its bounds are named where it is declared
            default -> { }
        }
    }

    private static boolean isVisible(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        Class<?> outer = type.getEnclosingClass();
        boolean accessible = Modifier.isPublic(type.getModifiers())
                || (outer != null && Modifier.isProtected(type.getModifiers()));
        return accessible && (outer == null || isVisible(outer));
    }

    private static boolean isVisible(Member member) {
        return Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers());
    }

    /** Binary names of deepseek-core's classes, from the build's class folder. */
    private static List<String> classNames() throws Exception {
        Path dir = classFolder();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".class") && !p.endsWith("module-info.class") && !p.endsWith("package-info.class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
    }

    private static Path classFolder() throws URISyntaxException {
        return Path.of(Model.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
