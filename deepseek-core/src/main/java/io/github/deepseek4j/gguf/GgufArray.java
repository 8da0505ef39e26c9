package io.github.deepseek4j.gguf;

import java.util.Arrays;
import java.util.Objects;

/**
 * A metadata array: its element type and the elements held as one Java array.
 *
 * <p>Integers of every width are held as {@code long[]} (unsigned values as non-negative longs,
 * UINT64 as raw bits), FLOAT32 as {@code float[]}, FLOAT64 as {@code double[]}, BOOL as
 * {@code boolean[]}, STRING as {@code String[]} and nested arrays as {@code GgufArray[]}.
 */
public final class GgufArray {

    private final GgufValueType elementType;
    private final Object elements;

    private GgufArray(GgufValueType elementType, Object elements) {
        this.elementType = Objects.requireNonNull(elementType);
        this.elements = Objects.requireNonNull(elements);
    }

    public static GgufArray ofIntegers(GgufValueType integerType, long... values) {
        if (!GgufValue.isInteger(integerType)) {
            throw new IllegalArgumentException(integerType + " is not an integer type");
        }
        return new GgufArray(integerType, values.clone());
    }

    public static GgufArray ofInts(int... values) {
        return new GgufArray(GgufValueType.INT32, Arrays.stream(values).asLongStream().toArray());
    }

    public static GgufArray ofFloats(float... values) {
        return new GgufArray(GgufValueType.FLOAT32, values.clone());
    }

    public static GgufArray ofDoubles(double... values) {
        return new GgufArray(GgufValueType.FLOAT64, values.clone());
    }

    public static GgufArray ofBooleans(boolean... values) {
        return new GgufArray(GgufValueType.BOOL, values.clone());
    }

    public static GgufArray ofStrings(String... values) {
        for (String s : values) {
            Objects.requireNonNull(s, "array element");
        }
        return new GgufArray(GgufValueType.STRING, values.clone());
    }

    public static GgufArray ofArrays(GgufArray... values) {
        return new GgufArray(GgufValueType.ARRAY, values.clone());
    }

    /** Wraps an array the reader built; no copy. */
    static GgufArray wrap(GgufValueType elementType, Object elements) {
        return new GgufArray(elementType, elements);
    }

    public GgufValueType elementType() {
        return elementType;
    }

    public int length() {
        return java.lang.reflect.Array.getLength(elements);
    }

    /** Integer elements; throws when the elements are not integers. */
    public long[] longs() {
        return (long[]) as(long[].class);
    }

    public float[] floats() {
        return (float[]) as(float[].class);
    }

    public double[] doubles() {
        return (double[]) as(double[].class);
    }

    public boolean[] booleans() {
        return (boolean[]) as(boolean[].class);
    }

    public String[] strings() {
        return (String[]) as(String[].class);
    }

    public GgufArray[] arrays() {
        return (GgufArray[]) as(GgufArray[].class);
    }

    /** Element {@code i} boxed (Long, Float, Double, Boolean, String or GgufArray). */
    public Object get(int i) {
        return java.lang.reflect.Array.get(elements, i);
    }

    private Object as(Class<?> kind) {
        if (!kind.isInstance(elements)) {
            throw new ClassCastException("array of " + elementType + " does not hold " + kind.getSimpleName());
        }
        return elements.getClass() == String[].class || elements.getClass() == GgufArray[].class
                ? ((Object[]) elements).clone()
                : cloneOf(elements);
    }

    private static Object cloneOf(Object primitiveArray) {
        return switch (primitiveArray) {
            case long[] a -> a.clone();
            case float[] a -> a.clone();
            case double[] a -> a.clone();
            case boolean[] a -> a.clone();
            default -> throw new IllegalStateException();
        };
    }

    /** The backing array without copying, for callers in this package that only read it. */
    Object raw() {
        return elements;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GgufArray other && elementType == other.elementType
                && Objects.deepEquals(elements, other.elements);
    }

    @Override
    public int hashCode() {
        return 31 * elementType.hashCode() + Arrays.deepHashCode(new Object[] {elements});
    }

    @Override
    public String toString() {
        return elementType + "[" + length() + "]";
    }
}
