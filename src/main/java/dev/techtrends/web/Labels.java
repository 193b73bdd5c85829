package dev.techtrends.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a Java enum is written on the wire, in query parameters, JSON and the OpenAPI document alike: its
 * {@code label()} where it has one (scoring's enums, {@code -name}), else its name in lower case with {@code -} for
 * {@code _} ({@code RUNS_ON} → {@code runs-on}). The one rule, so that each set of values is written once, in its enum.
 */
public final class Labels {

    private static final Map<Class<?>, Map<String, Enum<?>>> BY_LABEL = new ConcurrentHashMap<>();
    /** Each enum's wire forms by ordinal, worked out once: every JSON answer writes several. */
    private static final ClassValue<String[]> BY_ORDINAL = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Method label = labelMethod(type);
            Object[] constants = type.getEnumConstants();
            String[] labels = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                Enum<?> constant = (Enum<?>) constants[i];
                labels[i] = label == null ? constant.name().toLowerCase(Locale.ROOT).replace('_', '-')
                        : invoke(label, constant);
            }
            return labels;
        }
    };

    private Labels() {
    }

    /** The wire form of a constant. */
    public static String of(Enum<?> value) {
        return BY_ORDINAL.get(value.getDeclaringClass())[value.ordinal()];
    }

    private static String invoke(Method label, Enum<?> constant) {
        try {
            return (String) label.invoke(constant);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("label() of " + constant.getDeclaringClass().getName() + " failed", e);
        }
    }

    /** Every wire form of an enum, in declaration order. */
    public static List<String> all(Class<? extends Enum<?>> type) {
        return new ArrayList<>(byLabel(type).keySet());
    }

    /**
     * The constant written so.
     *
     * @throws IllegalArgumentException "must be one of a, b, c; got 'x'"
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        Enum<?> value = byLabel(type).get(text == null ? null : text.strip());
        if (value == null) {
            throw new IllegalArgumentException(mustBeOneOf(type) + "; got '" + text + "'");
        }
        return type.cast(value);
    }

    /** "must be one of a, b, c": what a refusal says. */
    public static String mustBeOneOf(Class<? extends Enum<?>> type) {
        return "must be one of " + String.join(", ", all(type));
    }

    private static Map<String, Enum<?>> byLabel(Class<?> type) {
        return BY_LABEL.computeIfAbsent(type, enumType -> {
            Map<String, Enum<?>> labels = new LinkedHashMap<>();
            for (Object constant : enumType.getEnumConstants()) {
                labels.put(of((Enum<?>) constant), (Enum<?>) constant);
            }
            return labels;
        });
    }

    private static Method labelMethod(Class<?> type) {
        try {
            Method label = type.getMethod("label");
            return label.getReturnType() == String.class ? label : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
